/**
 * A module loaded once the view has painted (the frame after the first render), so that what
 * a view needs only later stays out of the code it loads before it paints. Null until loaded.
 */
import { useEffect, useState } from 'preact/hooks';

export function useAfterPaint<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    requestAnimationFrame(() => setTimeout(() => void load().then((m) => live && setModule(() => m))));
    return () => {
      live = false;
    };
  }, []);
  return module;
}
