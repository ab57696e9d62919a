import { type DateFacts, eventDateLimits, recruitmentEventSchemas, type RecruitmentEventType } from '@kader/workflow';
import { useMemo } from 'react';
import type { ServerMessage } from '../../api/errors';
import { fieldsFromSchema, type FormField, type FormValues } from '../../forms/schemaFields';
import { SchemaEventForm } from '../../forms/SchemaEventForm';
import { useI18n } from '../../i18n';

export function isEventType(type: string): type is RecruitmentEventType {
  return Object.hasOwn(recruitmentEventSchemas, type);
}

/** The fields of an event's form, derived once per type from its schema. */
const fieldCache = new Map<RecruitmentEventType, FormField[]>();
export function eventFields(type: RecruitmentEventType): FormField[] {
  let fields = fieldCache.get(type);
  if (!fields) {
    fields = fieldsFromSchema(recruitmentEventSchemas[type]);
    fieldCache.set(type, fields);
  }
  return fields;
}

/** The label of an enum value in an event form: documents, rejection or withdrawal reasons. */
export function useOptionLabel() {
  const { td } = useI18n();
  return (type: string, field: string, value: string): string => {
    if (field === 'document') return td(`doc.${value}`, value);
    if (field === 'reasonCode') return td(`${type === 'WITHDRAW' ? 'withdrawal' : 'rejection'}.${value}`, value);
    return td(`option.${value}`, value);
  };
}

export function EventForm(props: {
  type: RecruitmentEventType;
  pending: boolean;
  /** the server's field errors, keyed by payload path (`score`, `note`) */
  serverErrors: Record<string, ServerMessage>;
  onSubmit: (payload: Record<string, unknown>) => void;
  onCancel: () => void;
  /** Values to start from, e.g. the agreement number the branch's pattern suggests. */
  initial?: FormValues;
  /** What the server's date rules need: the form bounds its date inputs by the same rules. */
  dateFacts: DateFacts;
}) {
  const { dateFacts, ...rest } = props;
  const { type } = props;
  const { td } = useI18n();
  const optionLabel = useOptionLabel();
  const fields = useMemo(() => eventFields(type), [type]);
  return (
    <SchemaEventForm
      {...rest}
      dateLimits={(values) => eventDateLimits(type, dateFacts, values)}
      schema={recruitmentEventSchemas[type]}
      fields={fields}
      testIdPrefix="event"
      idPrefix="ev"
      className={`event-form event-form-${type}`}
      title={td(`event.${type}`, type)}
      fieldLabel={(name) => td(`eventField.${name}`, name)}
      optionLabel={(field, value) => optionLabel(type, field, value)}
      danger={type === 'REJECT' || type === 'WITHDRAW'}
    />
  );
}
