// @vitest-environment happy-dom

import { type ProblemCategory, problemCategorySchema } from '@core/config';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CategoryFields } from './CategoryFields';

afterEach(cleanup);

const text = (nn: string, en = nn) => ({ nn, nb: nn, en });
const category: ProblemCategory = problemCategorySchema.parse({
  id: 'printer',
  name: text('Skrivar'),
  description: text('Skrivaren'),
  presetAnswers: {},
  fields: [
    {
      id: 'printerName',
      label: text('Kva skrivar', 'Which printer'),
      type: 'text',
      required: true,
      help: text('Står på lappen'),
    },
    { id: 'pages', label: text('Sider'), type: 'number' },
    {
      id: 'kind',
      label: text('Type'),
      type: 'select',
      options: [{ id: 'laser', label: text('Laser') }],
    },
    { id: 'jam', label: text('Papirstopp'), type: 'checkbox' },
    { id: 'what', label: text('Kva skjer'), type: 'textarea' },
  ],
});
const words = { required: '(må fyllast ut)', choose: 'Vel …' };

function show(errors: Record<string, string> = {}, locale: 'nn' | 'en' = 'nn') {
  const onChange = vi.fn();
  render(
    <CategoryFields
      category={category}
      locale={locale}
      values={{ printerName: 'HP', jam: true }}
      errors={errors}
      inputIdOf={(id) => `field-${id}`}
      words={words}
      onChange={onChange}
    />,
  );
  return onChange;
}

describe('the category form shared by the workstation and the portal', () => {
  it.each([
    ['Kva skrivar', 'field-printerName', 'INPUT'],
    ['Sider', 'field-pages', 'INPUT'],
    ['Type', 'field-kind', 'SELECT'],
    ['Papirstopp', 'field-jam', 'INPUT'],
    ['Kva skjer', 'field-what', 'TEXTAREA'],
  ])('"%s" labels its input #%s (%s)', (label, id, tag) => {
    show();
    const input = screen.getByLabelText(new RegExp(`^${label}`));
    expect([input.id, input.tagName]).toEqual([id, tag]);
  });

  it('labels in the chosen language, with the app’s word for required', () => {
    show({}, 'en');
    expect(screen.getByLabelText('Which printer (må fyllast ut)')).toHaveProperty(
      'id',
      'field-printerName',
    );
  });

  it('ties the help and the error to the input, and marks it invalid', () => {
    show({ printerName: 'Skriv kva skrivar' });
    const input = screen.getByLabelText(/^Kva skrivar/);
    expect(input.getAttribute('aria-describedby')).toBe(
      'field-printerName-error field-printerName-help',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(document.getElementById('field-printerName-error')?.textContent).toBe(
      'Skriv kva skrivar',
    );
    expect(screen.getByLabelText(/^Sider/).getAttribute('aria-invalid')).toBeNull();
  });

  it('a number is typed as text with a decimal keyboard (a comma is allowed)', () => {
    show();
    const pages = screen.getByLabelText(/^Sider/);
    expect([pages.getAttribute('type'), pages.getAttribute('inputmode')]).toEqual([
      'text',
      'decimal',
    ]);
  });

  it.each([
    [
      'a text',
      /^Sider/,
      (el: HTMLElement) => fireEvent.change(el, { target: { value: '1,5' } }),
      { pages: '1,5' },
    ],
    [
      'a list',
      /^Type/,
      (el: HTMLElement) => fireEvent.change(el, { target: { value: 'laser' } }),
      { kind: 'laser' },
    ],
    ['a checkbox', /^Papirstopp/, (el: HTMLElement) => fireEvent.click(el), { jam: false }],
  ])('changing %s keeps the other values', (_what, label, act, change) => {
    const onChange = show();
    act(screen.getByLabelText(label));
    expect(onChange).toHaveBeenCalledWith({ printerName: 'HP', jam: true, ...change });
  });

  it('a list starts with the app’s word for choosing', () => {
    show();
    const select = screen.getByLabelText(/^Type/) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['Vel …', 'Laser']);
  });
});
