import { listFaq, listReplyTemplates } from '@core/api/index';
import type { CaseStatus } from '@core/case/index';
import {
  type FaqArticle,
  faqText,
  fillTemplateText,
  type ReplyTemplate,
  type TemplateValues,
  templatesFor,
  templateText,
} from '@core/content/index';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { Dialog } from '../../workstation/Dialog';
import './reply-picker.css';
import { useWorkstation } from '../../workstation/workstation-context';

/** What the picker puts into the comment box. */
export interface PickedReply {
  text: string;
  /** The status a template sets when the reply is sent. */
  setsStatus: Exclude<CaseStatus, 'new'> | null;
}

export type ReplyKind = 'template' | 'faq';

/** Alt+M for a template, Alt+K for a knowledge article, from the comment box. */
export const replyShortcuts: Readonly<
  Record<ReplyKind, { key: string; aria: string; label: string }>
> = {
  template: { key: 'm', aria: 'Alt+M', label: 'Alt+M' },
  faq: { key: 'k', aria: 'Alt+K', label: 'Alt+K' },
};

/** The reply kind a key press in the comment box asks for, if any. */
export function replyKindOf(
  e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'key'>,
): ReplyKind | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const key = e.key.toLowerCase();
  if (key === replyShortcuts.template.key || key === 'µ') return 'template';
  if (key === replyShortcuts.faq.key || key === 'ĸ') return 'faq';
  return null;
}

interface Item {
  id: string;
  title: string;
  text: string;
  fallback: boolean;
  setsStatus: PickedReply['setsStatus'];
}

/**
 * A search-and-choose dialog for the comment box: reply templates for the case's line and
 * category (placeholders filled), or FAQ articles (the answer opened beside the list). Keys:
 * type to search, ↑/↓ to move, Enter to insert, Escape to close.
 */
export function ReplyPicker(props: {
  kind: ReplyKind;
  line: number;
  categoryId: string | null;
  values: TemplateValues;
  onPick(reply: PickedReply): void;
  onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const ws = useWorkstation();
  const ids = { input: useId(), list: useId() };
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again as the words change
  useEffect(() => {
    let stopped = false;
    const load = async (): Promise<Item[]> => {
      if (props.kind === 'template') {
        const { templates } = await ws.api.call(listReplyTemplates, {});
        const words = query.toLocaleLowerCase('nn').split(/\s+/).filter(Boolean);
        return templatesFor(templates, props.line, props.categoryId)
          .map((tpl: ReplyTemplate) => {
            const text = templateText(tpl, locale);
            return {
              id: tpl.id,
              title: text.value.name,
              text: fillTemplateText(text.value.body, props.values),
              fallback: text.fallback,
              setsStatus: tpl.setsStatus,
            };
          })
          .filter((i) =>
            words.every((w) => `${i.title} ${i.text}`.toLocaleLowerCase('nn').includes(w)),
          );
      }
      const { articles } = await ws.api.call(listFaq, {
        query: query.trim() ? { q: query.trim() } : {},
      });
      return articles.map((a: FaqArticle) => {
        const text = faqText(a, locale);
        return {
          id: a.id,
          title: text.value.question,
          text: `${text.value.question}\n\n${text.value.answer}`,
          fallback: text.fallback,
          setsStatus: null,
        };
      });
    };
    load().then(
      (found) => {
        if (stopped) return;
        setItems(found);
        setFailed(null);
        setActive(0);
      },
      (error: Error) => !stopped && setFailed(error.message),
    );
    return () => {
      stopped = true;
    };
  }, [query, props.kind, locale]);

  const chosen = items?.[active];
  const pick = (item: Item | undefined) => {
    if (!item) return;
    props.onPick({ text: item.text, setsStatus: item.setsStatus });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!items || items.length === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(chosen);
    }
  };
  const optionId = (i: number) => `${ids.list}-${i}`;
  const languageName = locale === 'nn' ? '' : t(`reply.language.${locale}`);

  return (
    <Dialog
      title={props.kind === 'template' ? t('reply.templatesTitle') : t('reply.faqTitle')}
      onClose={props.onClose}
    >
      <div className="field">
        <label htmlFor={ids.input}>{t('reply.search')}</label>
        <input
          id={ids.input}
          type="search"
          role="combobox"
          aria-expanded={items !== null && items.length > 0}
          aria-controls={ids.list}
          aria-autocomplete="list"
          aria-activedescendant={chosen ? optionId(active) : undefined}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {failed ? <p className="error">{t('reply.failed', { message: failed })}</p> : null}
      {items?.length === 0 ? <p role="status">{t('reply.none')}</p> : null}
      <div id={ids.list} role="listbox" aria-label={t('reply.results')} className="reply-list">
        {(items ?? []).map((item, i) => (
          <div
            key={item.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={
              i === active ? 'reply-list__item reply-list__item--active' : 'reply-list__item'
            }
            onClick={() => setActive(i)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') pick(item);
            }}
            onDoubleClick={() => pick(item)}
          >
            {item.title}
          </div>
        ))}
      </div>
      {chosen ? (
        <div className="reply-preview" data-testid="reply-preview">
          <p style={{ whiteSpace: 'pre-wrap' }}>{chosen.text}</p>
          {chosen.fallback ? (
            <p className="field__hint">{t('reply.fallback', { language: languageName })}</p>
          ) : null}
          {chosen.setsStatus ? (
            <p className="field__hint">
              {t('reply.setsStatus', { status: t(`status.${chosen.setsStatus}`) })}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={props.onClose}>
          {t('reply.close')}
        </button>
        <button type="button" className="primary" disabled={!chosen} onClick={() => pick(chosen)}>
          {t('reply.insert')}
        </button>
      </div>
    </Dialog>
  );
}
