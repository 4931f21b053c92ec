import type { Locator, Page } from '@playwright/test';

/** The Goal Lens panel a CRM page shows, found the way assistive technology finds it. */
export function panel(page: Page): Locator {
  return page.locator('goal-lens-panel').getByRole('region', { name: 'Goal Lens' });
}
