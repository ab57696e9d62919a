import { contractEventSchemas, type ContractEventType } from '@kader/workflow';
import { useMemo } from 'react';
import type { ServerMessage } from '../../api/errors';
import { fieldsFromSchema, type FormField } from '../../forms/schemaFields';
import { SchemaEventForm } from '../../forms/SchemaEventForm';
import { useI18n } from '../../i18n';

/** The events a person sends from the cadre page's forms (the decision has its own dialog). */
export const CONTRACT_FORM_EVENTS = ['RESIGN', 'TERMINATE'] as const satisfies readonly ContractEventType[];
export type ContractFormEvent = (typeof CONTRACT_FORM_EVENTS)[number];

export function isContractFormEvent(type: string): type is ContractFormEvent {
  return (CONTRACT_FORM_EVENTS as readonly string[]).includes(type);
}

const cache = new Map<ContractFormEvent, FormField[]>();
/** The fields of a contract event's form, from its schema in @kader/workflow. */
export function contractEventFields(type: ContractFormEvent): FormField[] {
  let fields = cache.get(type);
  if (!fields) {
    fields = fieldsFromSchema(contractEventSchemas[type]).filter((f) => f.kind !== 'list');
    cache.set(type, fields);
  }
  return fields;
}

/** The label of a reason code: `resignation.MOVED_AWAY`, `termination.ASKED_FOR_CASH`. */
export function contractOptionKey(type: ContractFormEvent, field: string, value: string): string {
  if (field === 'reasonCode') return `${type === 'RESIGN' ? 'resignation' : 'termination'}.${value}`;
  return `option.${value}`;
}

/** RESIGN / TERMINATE as forms generated from `contractEventSchemas` (validated with the same schema). */
export function ContractEventForm(props: {
  type: ContractFormEvent;
  pending: boolean;
  /** the server's field messages, keyed by payload path: `fieldErrors(k, 'event.')` */
  serverErrors: Record<string, ServerMessage>;
  onSubmit: (payload: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const { type } = props;
  const { td } = useI18n();
  const fields = useMemo(() => contractEventFields(type), [type]);
  return (
    <SchemaEventForm
      {...props}
      schema={contractEventSchemas[type]}
      fields={fields}
      testIdPrefix="contract-event"
      idPrefix="cev"
      className="event-form"
      title={td(`contractEvent.${type}`, type)}
      fieldLabel={(name) => td(`contractField.${name}`, name)}
      optionLabel={(field, value) => td(contractOptionKey(type, field, value), value)}
      danger
    />
  );
}
