import type { CaseChangeInput } from '@core/case/index';
import { type FormEvent, useId, useState } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useT } from '../../i18n/use-t';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';

/** Edits the plain fields (title, description, the requester's contact and unit). Only the
 *  fields that changed are sent, so an untouched field can never overwrite someone else's. */
export function CaseEditForm({ record: c, onDone }: { record: LocalCase; onDone: () => void }) {
  const t = useT();
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const ids = { title: useId(), desc: useId(), contact: useId(), unit: useId() };
  const [title, setTitle] = useState(c.title);
  const [description, setDescription] = useState(c.description);
  const [contact, setContact] = useState(c.requester.contact);
  const [unit, setUnit] = useState(c.requester.unit);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes: Extract<CaseChangeInput, { type: 'fieldsChanged' }>['changes'] = {};
    if (title.trim() !== c.title) changes.title = title.trim();
    if (description !== c.description) changes.description = description;
    if (contact.trim() !== c.requester.contact || unit.trim() !== c.requester.unit) {
      changes.requester = { ...c.requester, contact: contact.trim(), unit: unit.trim() };
    }
    if (Object.keys(changes).length === 0) return onDone();
    if (!title.trim()) {
      showToast(t('common.required', { field: t('case.title') }), 'error');
      return;
    }
    const refused = await applyChange(c.id, { type: 'fieldsChanged', changes });
    if (refused) showToast(refused, 'error');
    else {
      showToast(t('case.saved'));
      onDone();
    }
  }

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.title}>{t('case.title')}</label>
        <input id={ids.title} value={title} required onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.desc}>{t('case.description')}</label>
        <textarea
          id={ids.desc}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.contact}>{t('case.contact')}</label>
          <input id={ids.contact} value={contact} onChange={(e) => setContact(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.unit}>{t('case.unit')}</label>
          <input id={ids.unit} value={unit} onChange={(e) => setUnit(e.target.value)} />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
