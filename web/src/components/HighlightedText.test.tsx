import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Snippet } from '../scenes/documents/Snippet';
import { HighlightedText } from './HighlightedText';

const hostile = 'Before <script>alert(1)</script> <img src=x onerror=alert(2)> after.';

describe('ingested text is rendered as text', () => {
  it('escapes markup in a document and marks the evidence span', () => {
    const start = hostile.indexOf('after');
    const html = renderToStaticMarkup(
      <HighlightedText
        text={hostile}
        ranges={[
          { start, end: start + 5, data: { className: 'evidence', title: 'evidence: killed', anchor: 'a1' } },
        ]}
      />,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark class="evidence" title="evidence: killed" id="a1">after</mark>');
  });

  it('turns the bracketed words of a search snippet into marks, and nothing else into markup', () => {
    const html = renderToStaticMarkup(<Snippet text="a [car] <b>bomb</b> [killed]" />);
    expect(html).toContain('<mark class="evidence">car</mark>');
    expect(html).toContain('<mark class="evidence">killed</mark>');
    expect(html).toContain('&lt;b&gt;bomb&lt;/b&gt;');
  });
});
