import { useRouteStore } from '../../stores/route-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { AuditSection } from './AuditSection';
import { useAdminT } from './admin-messages';
import { type AdminSection, adminSections, mayAdminister, sectionTitles } from './admin-sections';
import { CategoriesSection } from './CategoriesSection';
import { FaqSection } from './FaqSection';
import { MunicipalitiesSection } from './MunicipalitiesSection';
import { NoticesSection } from './NoticesSection';
import { StatementsSection } from './StatementsSection';
import { TemplatesSection } from './TemplatesSection';
import './admin.css';

/** The team leader's administration: one part at a time, chosen from a menu of links. */
export default function AdminView({ section }: { section: AdminSection }) {
  const t = useAdminT();
  const ws = useWorkstation();
  const navigate = useRouteStore((s) => s.navigate);
  if (!mayAdminister(ws.actor.role)) {
    return (
      <div className="admin">
        <h1 tabIndex={-1}>{t('admin.title')}</h1>
        <p>{t('admin.forbidden')}</p>
      </div>
    );
  }
  return (
    <div className="admin">
      <h1 tabIndex={-1}>{t('admin.title')}</h1>
      <nav aria-label={t('admin.sections')} className="admin-nav">
        <ul>
          {adminSections.map((s) => (
            <li key={s}>
              <a
                href={`#/admin/${s}`}
                aria-current={s === section ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'admin', section: s });
                }}
              >
                {t(sectionTitles[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body">
        {section === 'municipalities' ? <MunicipalitiesSection /> : null}
        {section === 'categories' ? <CategoriesSection /> : null}
        {section === 'notices' ? <NoticesSection /> : null}
        {section === 'faq' ? <FaqSection /> : null}
        {section === 'templates' ? <TemplatesSection /> : null}
        {section === 'statements' ? <StatementsSection /> : null}
        {section === 'audit' ? <AuditSection /> : null}
      </div>
    </div>
  );
}
