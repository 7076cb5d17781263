"""The layout of a conformance example (an input, a line ".", the HTML output expected):
whitespace between block-level tags of its output is not what it tests; its input's
whitespace, whitespace inside <pre> and between inline tags are."""

from specdiff.classify import example_layout, html_layout


def _example(source: str, html: str) -> str:
    return f"{source}\n.\n{html}"


def test_line_breaks_between_block_tags_are_layout() -> None:
    before = _example("- a\n- b", "<ul>\n<li>a</li>\n<li><p>b</p></li>\n</ul>")
    after = _example("- a\n- b", "<ul>\n<li>a</li>\n<li>\n<p>b</p>\n</li>\n</ul>")
    assert example_layout(before) == example_layout(after)


def test_trailing_spaces_in_the_output_are_layout() -> None:
    assert example_layout(_example("a", "<p>a</p>  ")) == example_layout(_example("a", "<p>a</p>"))


def test_the_input_keeps_its_whitespace() -> None:
    html = "<ul>\n<li>a</li>\n</ul>"
    assert example_layout(_example("- a", html)) != example_layout(_example("-  a", html))


def test_whitespace_inside_pre_is_content() -> None:
    before = _example("    a", "<pre><code>a\n</code></pre>")
    after = _example("    a", "<pre><code>a\n\n</code></pre>")
    assert example_layout(before) != example_layout(after)


def test_a_space_between_inline_tags_is_content() -> None:
    before = _example("*a* *b*", "<p><em>a</em> <em>b</em></p>")
    after = _example("*a* *b*", "<p><em>a</em><em>b</em></p>")
    assert example_layout(before) != example_layout(after)


def test_text_that_is_no_example_is_kept() -> None:
    assert example_layout("<p>a</p>\n<p>b</p>") == "<p>a</p>\n<p>b</p>"


def test_a_line_break_before_a_pre_is_layout_and_its_content_kept() -> None:
    before = _example("- a\n\n      b", "<li><p>a</p><pre><code>b\n</code></pre></li>")
    after = _example("- a\n\n      b", "<li>\n<p>a</p>\n<pre><code>b\n</code></pre>\n</li>")
    assert example_layout(before) == example_layout(after)
    spaced = _example("- a\n\n      b", "<li><p>a</p><pre><code>b\n\n</code></pre></li>")
    assert example_layout(before) != example_layout(spaced)


def test_html_layout_keeps_pre_content_and_inline_spaces() -> None:
    assert html_layout("<ul>\n<li><p>a</p></li>\n</ul>") == "<ul><li><p>a</p></li></ul>"
    assert html_layout("<pre><code>a\n\n</code></pre>") == "<pre><code>a\n\n</code></pre>"
    assert html_layout("<em>a</em> <em>b</em>") == "<em>a</em> <em>b</em>"
