import type { ReactNode } from 'react';
import { hrefOf, type PortalRoute } from '../logic/portal-route';

/** A real link (works with middle-click, copy link, screen readers) that routes on the client. */
export function PortalLink(props: {
  to: PortalRoute;
  navigate(route: PortalRoute): void;
  className?: string;
  current?: boolean;
  children: ReactNode;
}) {
  return (
    <a
      href={hrefOf(props.to)}
      className={props.className}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        props.navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
