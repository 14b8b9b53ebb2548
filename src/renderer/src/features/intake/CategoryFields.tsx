import type { ProblemCategory } from '@core/config/index';
import { CategoryFields as SharedCategoryFields } from '@web/components/CategoryFields';
import type { FormInputs } from '@web/components/category-inputs';
import { useLocale, useT } from '../../i18n/use-t';

/**
 * The category's own form fields in phone intake: the form the portal shows (src/web), in the
 * workstation's words. Values stay as typed; `toFormValues` makes the case's form values.
 */
export function CategoryFields(props: {
  category: ProblemCategory;
  values: FormInputs;
  onChange: (values: FormInputs) => void;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <SharedCategoryFields
      category={props.category}
      locale={locale}
      values={props.values}
      inputIdOf={(fieldId) => `cf-${props.category.id}-${fieldId}`}
      words={{ required: t('intake.fieldRequired'), choose: t('common.none') }}
      onChange={props.onChange}
    />
  );
}
