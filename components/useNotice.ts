/** A short notice ("Saved", "Copied") that fades after a while; shown in a live region. */
import { useEffect, useState } from 'preact/hooks';

export function useNotice(): [string, (notice: string) => void] {
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 5000);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice];
}

/** A caught error's message, for a notice. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
