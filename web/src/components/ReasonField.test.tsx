import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { REASON_MAX_LENGTH, ReasonField } from './ReasonField';

const noop = () => undefined;

describe('ReasonField', () => {
  it('is an optional one-line input labelled for the audit log, as long as the server keeps', () => {
    const html = renderToStaticMarkup(<ReasonField id="r-reason" value="one attack" onChange={noop} />);
    expect(html).toBe(
      '<div class="form-row"><label for="r-reason">Reason (kept in the audit log)</label>' +
        '<input id="r-reason" maxLength="1000" placeholder="optional" type="text" value="one attack"/></div>',
    );
    expect(REASON_MAX_LENGTH).toBe(1000);
  });

  it('is a textarea of the rows asked for, with the label, placeholder and focus its caller gives', () => {
    const html = renderToStaticMarkup(
      <ReasonField
        id="r-split"
        value="an earlier bombing"
        onChange={noop}
        label="Why is this report about another incident?"
        placeholder="optional, e.g. it reports an earlier bombing"
        rows={2}
        autoFocus
      />,
    );
    expect(html).toBe(
      '<div class="form-row"><label for="r-split">Why is this report about another incident?</label>' +
        '<textarea id="r-split" maxLength="1000" placeholder="optional, e.g. it reports an earlier bombing"' +
        ' autofocus="" rows="2">an earlier bombing</textarea></div>',
    );
  });
});
