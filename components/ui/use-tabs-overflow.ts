"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether the tab list inside `box` is cut off (more tabs than fit, on phones) and whether it is
 * scrolled to its end, kept current as the box resizes or scrolls. `ready` says the list is
 * rendered (a caller may show an empty state first); the measuring starts when it turns true.
 */
export function useTabsOverflow(ready = true) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ overflows: false, atEnd: true });
  useEffect(() => {
    if (!ready) return;
    const list = box.current?.querySelector<HTMLElement>('[role="tablist"]');
    if (!list) return;
    const measure = () => {
      const overflows = list.scrollWidth > list.clientWidth + 1;
      const atEnd = list.scrollLeft + list.clientWidth >= list.scrollWidth - 1;
      setState((s) => (s.overflows === overflows && s.atEnd === atEnd ? s : { overflows, atEnd }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    list.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      list.removeEventListener("scroll", measure);
    };
  }, [ready]);
  return { box, ...state };
}
