/** Calendar-date arithmetic lives in the contracts (subscriptions and the web app reckon with it too). */
export { addDays, addMonths, type CalendarDate, dayOfWeek, daysBetween, earlierOf } from '@clientbox/contracts';
