import { createMunicipality, listMunicipalityDirectory, updateMunicipality } from '@core/api/index';
import { type MunicipalityConfig, municipalityConfigSchema } from '@core/config/index';
import { useState } from 'react';
import { useDirectoryStore } from '../../stores/directory-store';
import { useServerDataRefresh } from '../../stores/server-data-refresh';
import { useWorkstation } from '../../workstation/workstation-context';
import { useAdminT } from './admin-messages';
import {
  CheckboxGroup,
  ErrorSummary,
  type FormErrors,
  SavedNote,
  TextInput,
  useErrorFor,
} from './form-kit';
import {
  type FieldProblem,
  inputIdOf,
  issuesOf,
  type SaveFailure,
  saveFailureOf,
} from './form-problems';
import { useAdminResource } from './use-admin-resource';

interface Draft {
  isNew: boolean;
  id: string;
  name: string;
  hasLine2: boolean;
  groupName: string;
  consultantIds: string[];
  units: Array<{ id: string; name: string; retired?: boolean }>;
  identityProviderId: string;
  retired: boolean;
}

const emptyDraft: Draft = {
  isNew: true,
  id: '',
  name: '',
  hasLine2: true,
  groupName: '',
  consultantIds: [],
  units: [],
  identityProviderId: '',
  retired: false,
};

function draftOf(m: MunicipalityConfig): Draft {
  return {
    isNew: false,
    id: m.id,
    name: m.name,
    hasLine2: m.line2Group !== null,
    groupName: m.line2Group?.name ?? '',
    consultantIds: [...(m.line2Group?.consultantIds ?? [])],
    units: (m.units ?? []).map((u) => ({ ...u })),
    identityProviderId: m.identityProviderId ?? '',
    retired: m.retired === true,
  };
}

function inputOf(d: Draft) {
  return {
    id: d.id.trim(),
    name: d.name,
    line2Group: d.hasLine2 ? { name: d.groupName, consultantIds: d.consultantIds } : null,
    units: d.units.map((u) => ({
      id: u.id.trim(),
      name: u.name,
      ...(u.retired ? { retired: true } : {}),
    })),
    identityProviderId: d.identityProviderId || null,
    ...(d.retired ? { retired: true } : {}),
  };
}

const words = {
  fields: {
    id: 'municipality.id',
    name: 'municipality.name',
    'line2Group.name': 'municipality.groupName',
    consultantIds: 'municipality.consultants',
    identityProviderId: 'municipality.idp',
  },
  items: { units: 'municipality.unit', consultantIds: 'municipality.consultants' },
} as const;

/** Municipalities with their line 2, units and sign-in link: add, rename, retire. */
export function MunicipalitiesSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const [directory, reload] = useAdminResource((w) => w.api.call(listMunicipalityDirectory, {}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);

  if (directory.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (directory.state === 'failed') {
    return <p className="field__error">{t('admin.loadFailed', { message: directory.message })}</p>;
  }
  const { municipalities, drift, identityProviderIds } = directory.value;

  const setRetired = async (m: MunicipalityConfig, retired: boolean) => {
    const { retired: _, ...rest } = m;
    await ws.api.call(updateMunicipality, {
      params: { id: m.id },
      body: retired ? { ...rest, retired: true } : rest,
    });
    useServerDataRefresh.getState().refresh();
    reload();
  };

  return (
    <section aria-labelledby="admin-municipalities-title">
      <h2 id="admin-municipalities-title">{t('section.municipalities')}</h2>
      {drift.length > 0 ? (
        <div className="admin-warning" data-testid="municipality-drift">
          <p>{t('municipality.drift')}</p>
          <ul>
            {drift.map((d) => (
              <li key={d.municipalityId}>
                {t(`municipality.drift.${d.kind}`, { name: d.name, id: d.municipalityId })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SavedNote show={saved} />
      {draft ? (
        <MunicipalityForm
          draft={draft}
          identityProviderIds={identityProviderIds}
          onCancel={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            setSaved(true);
            useServerDataRefresh.getState().refresh();
            reload();
          }}
        />
      ) : (
        <>
          <p>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setSaved(false);
                setDraft(emptyDraft);
              }}
            >
              {t('municipality.add')}
            </button>
          </p>
          <table className="admin-table">
            <caption>{t('municipality.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('municipality.name')}</th>
                <th scope="col">{t('municipality.id')}</th>
                <th scope="col">{t('municipality.line2')}</th>
                <th scope="col">{t('municipality.idp')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {municipalities.map((m) => (
                <tr key={m.id} className={m.retired ? 'admin-row--retired' : undefined}>
                  <th scope="row">
                    {m.name}
                    {m.retired ? ` (${t('admin.retired')})` : ''}
                  </th>
                  <td>{m.id}</td>
                  <td>
                    {m.line2Group ? m.line2Group.name : '—'}
                    <br />
                    <small>
                      {t('municipality.count', {
                        consultants: m.line2Group?.consultantIds.length ?? 0,
                        units: m.units?.length ?? 0,
                      })}
                    </small>
                  </td>
                  <td>{m.identityProviderId ?? t('municipality.idpNone')}</td>
                  <td className="admin-actions">
                    <button
                      type="button"
                      aria-label={`${t('admin.edit')}: ${m.name}`}
                      onClick={() => {
                        setSaved(false);
                        setDraft(draftOf(m));
                      }}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={`${m.retired ? t('admin.reinstate') : t('admin.retire')}: ${m.name}`}
                      onClick={() => void setRetired(m, !m.retired)}
                    >
                      {m.retired ? t('admin.reinstate') : t('admin.retire')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function MunicipalityForm(props: {
  draft: Draft;
  identityProviderIds: readonly string[];
  onCancel(): void;
  onSaved(): void;
}) {
  const t = useAdminT();
  const ws = useWorkstation();
  const staff = useDirectoryStore((s) => s.staff);
  const consultants = staff.filter((s) => s.role === 'consultant');
  const [d, setD] = useState(props.draft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = 'municipality-form';
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  const save = async () => {
    const input = inputOf(d);
    const found = issuesOf(municipalityConfigSchema, input);
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    setBusy(true);
    try {
      if (d.isNew) await ws.api.call(createMunicipality, { body: input });
      else await ws.api.call(updateMunicipality, { params: { id: d.id }, body: input });
      props.onSaved();
    } catch (error) {
      const f = saveFailureOf(error);
      setProblems(f.kind === 'fields' ? f.problems : []);
      setFailure(f);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-form"
      aria-labelledby={`${formId}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${formId}-heading`}>
        {d.isNew
          ? t('municipality.newTitle')
          : t('municipality.editTitle', { name: props.draft.name })}
      </h3>
      <ErrorSummary errors={errors} failure={failure} />
      <TextInput
        formId={formId}
        path="name"
        label={t('municipality.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        error={errorFor('name')}
        required
      />
      <TextInput
        formId={formId}
        path="id"
        label={t('municipality.id')}
        help={t('municipality.idHelp')}
        value={d.id}
        onChange={(id) => set({ id })}
        error={errorFor('id')}
        disabled={!d.isNew}
        required
      />
      <fieldset>
        <legend>{t('municipality.line2')}</legend>
        <div className="field field--checkbox">
          <input
            id={inputIdOf(formId, 'hasLine2')}
            type="checkbox"
            checked={d.hasLine2}
            onChange={(e) => set({ hasLine2: e.target.checked })}
          />
          <label htmlFor={inputIdOf(formId, 'hasLine2')}>{t('municipality.hasLine2')}</label>
        </div>
        {d.hasLine2 ? (
          <>
            <TextInput
              formId={formId}
              path="line2Group.name"
              label={t('municipality.groupName')}
              value={d.groupName}
              onChange={(groupName) => set({ groupName })}
              error={errorFor('line2Group.name')}
              required
            />
            <CheckboxGroup
              formId={formId}
              path="line2Group.consultantIds"
              legend={t('municipality.consultants')}
              help={t('municipality.consultantsHelp')}
              options={consultants.map((c) => ({ value: c.id, label: c.displayName }))}
              chosen={d.consultantIds}
              onChange={(consultantIds) => set({ consultantIds })}
              error={
                problems
                  .filter((p) => p.path.startsWith('line2Group.consultantIds'))
                  .map((p) => errorFor(p.path))
                  .join(' ') || undefined
              }
            />
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('municipality.units')}</legend>
        {d.units.map((u, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: units are edited in place by position
          <div className="admin-item" key={i}>
            <TextInput
              formId={formId}
              path={`units.${i}.name`}
              label={`${t('municipality.unitName')} ${i + 1}`}
              value={u.name}
              onChange={(name) =>
                set({ units: d.units.map((x, j) => (j === i ? { ...x, name } : x)) })
              }
              error={errorFor(`units.${i}.name`)}
            />
            <TextInput
              formId={formId}
              path={`units.${i}.id`}
              label={`${t('municipality.unitId')} ${i + 1}`}
              value={u.id}
              onChange={(id) => set({ units: d.units.map((x, j) => (j === i ? { ...x, id } : x)) })}
              error={errorFor(`units.${i}.id`)}
            />
            <button type="button" onClick={() => set({ units: d.units.filter((_, j) => j !== i) })}>
              {t('admin.remove')}: {u.name || `${t('municipality.unit')} ${i + 1}`}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ units: [...d.units, { id: '', name: '' }] })}>
          {t('municipality.addUnit')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={inputIdOf(formId, 'identityProviderId')}>{t('municipality.idp')}</label>
        <p className="field__help" id={`${inputIdOf(formId, 'identityProviderId')}-help`}>
          {t('municipality.idpHelp')}
        </p>
        {errorFor('identityProviderId') ? (
          <p className="field__error">{errorFor('identityProviderId')}</p>
        ) : null}
        <select
          id={inputIdOf(formId, 'identityProviderId')}
          aria-describedby={`${inputIdOf(formId, 'identityProviderId')}-help`}
          value={d.identityProviderId}
          onChange={(e) => set({ identityProviderId: e.target.value })}
        >
          <option value="">{t('municipality.idpNone')}</option>
          {[
            ...new Set([
              ...props.identityProviderIds,
              ...(d.identityProviderId ? [d.identityProviderId] : []),
            ]),
          ].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      {d.retired ? <p className="admin-warning">{t('municipality.retiredNote')}</p> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
