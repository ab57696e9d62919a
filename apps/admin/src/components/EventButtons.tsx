import { useI18n } from '../i18n';

/**
 * The events one may send now, a button each (`action-<event>`, `contract-action-<event>`) that
 * opens the event's form or, open already, closes it: `onToggle` gets the event open next (or null);
 * and first, disabled, one that cannot be sent yet (`blocked`).
 */
export function EventButtons<E extends string>(props: {
  machine: 'recruitment' | 'contract';
  events: readonly E[];
  open: E | null;
  className: (event: E) => string;
  onToggle: (next: E | null) => void;
  /** an event that cannot be sent yet: shown first, disabled, described by the element `why` names */
  blocked?: { event: E; why: string } | null;
}) {
  const { machine, events, open, className, onToggle, blocked } = props;
  const { td } = useI18n();
  const [kind, testIdPrefix] = machine === 'contract' ? ['contractEvent', 'contract-action'] : ['event', 'action'];
  return (
    <>
      {blocked && (
        <button
          type="button"
          className="btn"
          data-testid={`${testIdPrefix}-${blocked.event}`}
          disabled
          aria-describedby={blocked.why}
        >
          {td(`${kind}.${blocked.event}`, blocked.event)}
        </button>
      )}
      {events.map((type) => (
        <button
          key={type}
          type="button"
          className={className(type)}
          data-testid={`${testIdPrefix}-${type}`}
          aria-expanded={open === type}
          onClick={() => onToggle(open === type ? null : type)}
        >
          {td(`${kind}.${type}`, type)}
        </button>
      ))}
    </>
  );
}
