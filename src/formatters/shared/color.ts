/** Status colors for terminal output. */
import type { ChalkInstance } from 'chalk';
import type { Status } from '../../core/types.js';

export function statusColor(c: ChalkInstance, status: Status): (s: string) => string {
  switch (status) {
    case 'completed':
      return c.green;
    case 'ongoing':
      return c.cyan;
    case 'planned':
      return (s) => s;
    case 'postponed':
      return c.yellow;
    case 'cancelled':
      return c.gray;
  }
}
