import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Seconds left of a wait that `start(seconds)` begins, ticking once a
 * second down to 0 (e.g. a server's Retry-After).
 */
export function useCountdown(): [number, (seconds: number) => void] {
  const [secondsLeft, setSecondsLeft] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  const start = useCallback((seconds: number) => {
    const until = Date.now() + seconds * 1000;
    window.clearInterval(timer.current);
    setSecondsLeft(seconds);
    timer.current = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) window.clearInterval(timer.current);
    }, 1000);
  }, []);
  useEffect(() => () => window.clearInterval(timer.current), []);
  return [secondsLeft, start];
}
