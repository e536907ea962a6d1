import { Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const PATHS = { review: '/receivables/reminders', settings: '/receivables/reminders/settings' } as const;

/** The two pages of reminders as tabs: what is due (and was sent), and the schedule. */
export function RemindersTabs({ active }: { active: keyof typeof PATHS }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        if (value === 'review' || value === 'settings') void navigate({ to: PATHS[value] });
      }}
    >
      <Tabs.List>
        <Tabs.Tab value="review" data-testid="reminders-tab-review">
          {t('reminders.tab.review')}
        </Tabs.Tab>
        <Tabs.Tab value="settings" data-testid="reminders-tab-settings">
          {t('reminders.tab.settings')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
