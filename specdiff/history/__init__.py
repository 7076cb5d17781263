"""The shell around the core that reads and writes spec history: git, files, releases.

* :mod:`.store`: the git store (revisions are commits, versions are tags);
* :mod:`.workspace`: what a command works on (configuration, repository, spec, parse cache);
* :mod:`.timeline`: the released versions and the changes between them;
* :mod:`.release`: cutting a release, all or nothing;
* :mod:`.importer`: replaying a folder of versions as commits and tags;
* :mod:`.settings`, :mod:`.sources`, :mod:`.sample`: the config file, spec files, the sample history.
"""
