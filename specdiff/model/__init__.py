"""The data everything else passes around: the document model and the change records.

* :mod:`.document`: a spec is a tree of sections holding clauses (what the parser builds);
* :mod:`.vocabulary`: scopes, kinds, tags and severity levels of changes;
* :mod:`.changes`: the change records and the report that holds them.
"""
