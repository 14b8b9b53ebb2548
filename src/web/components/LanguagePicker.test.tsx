// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguagePicker } from './LanguagePicker';

afterEach(cleanup);

describe('the language picker shared by the workstation and the portal', () => {
  it.each([
    ['Språk', false],
    ['Language', true],
  ])('labelled "%s" (hidden: %s), each language named in itself', (label, labelHidden) => {
    render(
      <LanguagePicker locale="en" label={label} labelHidden={labelHidden} onChange={vi.fn()} />,
    );
    const select = screen.getByLabelText(label) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.text, o.lang])).toEqual([
      ['nn', 'Nynorsk', 'nn'],
      ['nb', 'Bokmål', 'nb'],
      ['en', 'English', 'en'],
    ]);
    expect(select.value).toBe('en');
    expect(screen.getByText(label).className).toBe(labelHidden ? 'visually-hidden' : '');
  });

  it('tells the app the language chosen', () => {
    const onChange = vi.fn();
    render(<LanguagePicker locale="nn" label="Språk" onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Språk'), { target: { value: 'nb' } });
    expect(onChange).toHaveBeenCalledWith('nb');
  });
});
