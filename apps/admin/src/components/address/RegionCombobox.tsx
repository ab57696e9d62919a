import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { useDebounced } from '../useDebounced';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type PickedRegion = { code: string; name: string };

/** How long the typing must pause before the server is asked. */
const DEBOUNCE_MS = 250;
/** Answers a list shows; the server allows 20 at most. */
const LIST_SIZE = 20;

/**
 * One level of the address picker: a text box that asks the server (`regions.search`, within the
 * parent picked above) as the user types, and a list to pick from by arrow keys and Enter, a click
 * or a tap (rows tall enough for a finger). The region data never enters the bundle.
 */
export function RegionCombobox(props: {
  level: RegionLevel;
  label: string;
  /** The code picked one level up; undefined below a province means "pick the parent first". */
  parentCode: string | undefined;
  /** What to say while the parent is missing. */
  waitingFor?: string;
  /** Search the whole level without a parent (a work area's regency/city among all of them). */
  anyParent?: boolean;
  value: PickedRegion | undefined;
  onPick: (region: PickedRegion | undefined) => void;
  testId: string;
}) {
  const { level, label, parentCode, waitingFor, anyParent = false, value, onPick, testId } = props;
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const blocked = level !== 'province' && !parentCode && !anyParent;

  // a pick made elsewhere (a chain loaded for a correction, a level above cleared) shows here; a
  // pick undone by typing over it keeps what is being typed
  const typedOver = useRef(false);
  useEffect(() => {
    if (!value && typedOver.current) typedOver.current = false;
    else setText(value?.name ?? '');
  }, [value]);

  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useQuery(
    trpc.regions.search.queryOptions(
      { level, ...(parentCode ? { parentCode } : {}), query: value ? '' : query, limit: LIST_SIZE },
      { enabled: open && !blocked, staleTime: 5 * 60_000, placeholderData: keepPreviousData },
    ),
  );
  const options = open && !blocked ? (search.data ?? []) : [];

  const pick = (region: PickedRegion) => {
    onPick({ code: region.code, name: region.name });
    setText(region.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open) {
      // Enter picks the highlighted region rather than sending the whole form
      e.preventDefault();
      const region = options[active];
      if (region) pick(region);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        disabled={blocked}
        placeholder={blocked ? waitingFor : t('address.typeToSearch')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          // typing over a pick undoes it (and the levels below it)
          if (value) {
            typedOver.current = true;
            onPick(undefined);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && !blocked && (
        <div id={listId} role="listbox" className="combobox-list" data-testid={`${testId}-options`}>
          {search.isFetching && options.length === 0 && <p className="muted">{t('address.searching')}</p>}
          {!search.isFetching && search.isSuccess && options.length === 0 && <p className="muted">{t('address.noMatch')}</p>}
          {options.map((r, i) => (
            // a button for the click or tap; the keys stay with the text box (aria-activedescendant)
            <button
              type="button"
              key={r.code}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'combobox-option active' : 'combobox-option'}
              data-testid={`${testId}-option-${r.code}`}
              // keep the focus in the box so the blur does not close the list before the pick
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(r)}
            >
              <span>{r.name}</span> <small className="mono muted">{r.code}</small>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
