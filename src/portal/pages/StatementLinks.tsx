import type { Translate } from '../i18n/translate';
import { hrefOf } from '../logic/portal-route';

/** The footer's links to the accessibility and privacy statements (public pages). */
export function StatementLinks({ t }: { t: Translate }) {
  return (
    <nav aria-label={t('footer.about')} className="statement-links">
      <ul>
        {(['accessibility', 'privacy'] as const).map((kind) => (
          <li key={kind}>
            <a href={hrefOf({ name: 'statement', kind })}>{t(`statement.${kind}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
