import { useEffect, useState } from 'react';

/** `value` once it has stood still for `ms`: a search asks the server when typing pauses, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
