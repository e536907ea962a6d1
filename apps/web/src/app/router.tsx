import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { AcceptInvitationPage } from '../modules/accounts/accept-invitation-page.tsx';
import { ApiKeysPage } from '../modules/accounts/api-keys-page.tsx';
import { AuditPage } from '../modules/accounts/audit-page.tsx';
import { LoginPage } from '../modules/accounts/login-page.tsx';
import { MembersPage } from '../modules/accounts/members-page.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from '../modules/accounts/password-reset-pages.tsx';
import { SecurityPage } from '../modules/accounts/security-page.tsx';
import { SignupPage } from '../modules/accounts/signup-page.tsx';
import { CompanyPage } from '../modules/company/company-page.tsx';
import { DealsPage, parseDealsSearch } from '../modules/crm/activities/deals-page.tsx';
import { MyTasksPage, parseMyTasksSearch } from '../modules/crm/activities/my-tasks-page.tsx';
import { OrganizationCreatePage, OrganizationEditPage } from '../modules/crm/relations/organization-form.tsx';
import { OrganizationPage } from '../modules/crm/relations/organization-page.tsx';
import { OrganizationImportPage } from '../modules/crm/relations/organization-import-page.tsx';
import { OrganizationsPage, parseOrganizationListSearch } from '../modules/crm/relations/organizations-page.tsx';
import { PersonCreatePage, PersonEditPage } from '../modules/crm/relations/person-form.tsx';
import { PersonPage } from '../modules/crm/relations/person-page.tsx';
import { parsePersonListSearch, PersonsPage } from '../modules/crm/relations/persons-page.tsx';
import { DashboardPage } from '../modules/dashboard/dashboard-page.tsx';
import { ExportPage } from '../modules/export/export-page.tsx';
import { InvoiceCreatePage, InvoicePage } from '../modules/invoices/invoice-pages.tsx';
import { InvoicesPage, parseInvoiceSearch } from '../modules/invoices/invoices-page.tsx';
import { parseVatReportSearch, VatReportPage } from '../modules/invoices/vat-report-page.tsx';
import { MandatesPage, parseMandateSearch } from '../modules/receivables/mandates/mandates-page.tsx';
import { ReminderSettingsPage } from '../modules/receivables/reminders/reminder-settings-page.tsx';
import { RemindersPage } from '../modules/receivables/reminders/reminders-page.tsx';
import {
  BankStatementPage,
  parseBankStatementSearch,
} from '../modules/receivables/bank-statements/bank-statement-page.tsx';
import { BankStatementsPage } from '../modules/receivables/bank-statements/bank-statements-page.tsx';
import { DirectDebitBatchPage } from '../modules/receivables/batches/direct-debit-batch-page.tsx';
import { DirectDebitBatchesPage } from '../modules/receivables/batches/direct-debit-batches-page.tsx';
import { RefundBatchPage } from '../modules/receivables/batches/refund-batch-page.tsx';
import { RefundBatchesPage } from '../modules/receivables/batches/refund-batches-page.tsx';
import { OutboxPage } from '../modules/dev/outbox-page.tsx';
import { ModulePage } from '../modules/orders/module-page.tsx';
import { OrderPage } from '../modules/orders/order-page.tsx';
import { PricingPage } from '../modules/orders/pricing-page.tsx';
import { PublicQuotePage } from '../modules/quotes/public/public-quote-page.tsx';
import { PublicMandatePage } from '../modules/receivables/public/public-mandate-page.tsx';
import { QuoteCreatePage, QuotePage } from '../modules/quotes/quote-pages.tsx';
import { parseQuoteSearch, QuotesPage } from '../modules/quotes/quotes-page.tsx';
import { ProductImportPage } from '../modules/products/product-import-page.tsx';
import { ProductCreatePage, ProductEditPage } from '../modules/products/product-pages.tsx';
import { parseProductSearch, ProductsPage } from '../modules/products/products-page.tsx';
import { VatRatesPage } from '../modules/products/vat-rates-page.tsx';
import { parseOrderChoiceSearch } from '../modules/orders/use-orders.ts';
import { TermsPage } from '../modules/terms/terms-page.tsx';
import { parseUnsubscribeSearch, UnsubscribePage } from '../modules/newsletter/unsubscribe-page.tsx';
import { OperatorAnnouncementsPage } from '../modules/operator/operator-announcements-page.tsx';
import { OperatorLayout } from '../modules/operator/operator-layout.tsx';
import { OperatorLoginPage } from '../modules/operator/operator-login-page.tsx';
import { OperatorOrdersPage } from '../modules/operator/operator-orders-page.tsx';
import { OperatorPricesPage } from '../modules/operator/operator-prices-page.tsx';
import { OperatorSupportPage } from '../modules/operator/operator-support-page.tsx';
import { OperatorSupportViewPage } from '../modules/operator/operator-support-view-page.tsx';
import { OperatorTenantsPage } from '../modules/operator/operator-tenants-page.tsx';
import { OperatorTermsPage } from '../modules/operator/operator-terms-page.tsx';
import { SupportPage } from '../modules/support/support-page.tsx';
import { SubscriptionBillingPage } from '../modules/subscriptions/subscription-billing-page.tsx';
import {
  parseSubscriptionCreateSearch,
  SubscriptionCreatePage,
} from '../modules/subscriptions/subscription-create-page.tsx';
import { SubscriptionPage } from '../modules/subscriptions/subscription-page.tsx';
import { parseSubscriptionSearch, SubscriptionsPage } from '../modules/subscriptions/subscriptions-page.tsx';
import { AppShellLayout } from './app-shell.tsx';
import { PUBLIC_QUOTE_SECTIONS } from './public-quote-sections.ts';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

const publicRoutes = [
  // The pricing calculator hands its choice to the sign-up form in the URL (?modules=…&users=…&period=…).
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/signup',
    component: SignupPage,
    validateSearch: parseOrderChoiceSearch,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/pricing',
    component: PricingPage,
    validateSearch: parseOrderChoiceSearch,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/login',
    component: LoginPage,
    validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
      typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  }),
  createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/reset-password', component: ResetPasswordPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/invitations/$id/accept', component: AcceptInvitationPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/dev/outbox', component: OutboxPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/terms', component: TermsPage }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/unsubscribe',
    component: UnsubscribePage,
    validateSearch: parseUnsubscribeSearch,
  }),
  // The link of a quote e-mail: the tenant's customer, who has no login, answers the quote here.
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/q/$token',
    component: () => <PublicQuotePage sections={PUBLIC_QUOTE_SECTIONS} />,
  }),
  // The link of a mandate request: the debtor, who has no login, signs the SEPA mandate here.
  createRoute({ getParentRoute: () => rootRoute, path: '/m/$token', component: PublicMandatePage }),
];

const shellRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppShellLayout });
const appRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/', component: DashboardPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/order', component: OrderPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/modules/$name', component: ModulePage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/company', component: CompanyPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/members', component: MembersPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/security', component: SecurityPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/api-keys', component: ApiKeysPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/audit', component: AuditPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/export', component: ExportPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/support', component: SupportPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/products',
    component: ProductsPage,
    validateSearch: parseProductSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/products/new', component: ProductCreatePage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/products/import', component: ProductImportPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/products/$id', component: ProductEditPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/settings/vat-rates', component: VatRatesPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/invoices',
    component: InvoicesPage,
    validateSearch: parseInvoiceSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/invoices/new', component: InvoiceCreatePage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/invoices/vat',
    component: VatReportPage,
    validateSearch: parseVatReportSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/invoices/$id', component: InvoicePage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/mandates',
    component: MandatesPage,
    validateSearch: parseMandateSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/receivables/reminders', component: RemindersPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/reminders/settings',
    component: ReminderSettingsPage,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/bank-statements',
    component: BankStatementsPage,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/bank-statements/$statementId',
    component: BankStatementPage,
    validateSearch: parseBankStatementSearch,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/direct-debit-batches',
    component: DirectDebitBatchesPage,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/direct-debit-batches/$batchId',
    component: DirectDebitBatchPage,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/receivables/refund-batches', component: RefundBatchesPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/receivables/refund-batches/$batchId',
    component: RefundBatchPage,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/quotes',
    component: QuotesPage,
    validateSearch: parseQuoteSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/quotes/new', component: QuoteCreatePage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/quotes/$id', component: QuotePage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/subscriptions',
    component: SubscriptionsPage,
    validateSearch: parseSubscriptionSearch,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/subscriptions/new',
    component: SubscriptionCreatePage,
    validateSearch: parseSubscriptionCreateSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/subscriptions/billing', component: SubscriptionBillingPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/subscriptions/$id', component: SubscriptionPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/tasks',
    component: MyTasksPage,
    validateSearch: parseMyTasksSearch,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/deals',
    component: DealsPage,
    validateSearch: parseDealsSearch,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/organizations',
    component: OrganizationsPage,
    validateSearch: parseOrganizationListSearch,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/crm/organizations/new', component: OrganizationCreatePage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/organizations/import',
    component: OrganizationImportPage,
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/crm/organizations/$id', component: OrganizationPage }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/organizations/$id/edit',
    component: OrganizationEditPage,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/persons',
    component: PersonsPage,
    validateSearch: parsePersonListSearch,
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/crm/persons/new',
    component: PersonCreatePage,
    validateSearch: (search: Record<string, unknown>): { organization_id?: string } =>
      typeof search.organization_id === 'string' ? { organization_id: search.organization_id } : {},
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/crm/persons/$id', component: PersonPage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/crm/persons/$id/edit', component: PersonEditPage }),
];

// The operator console is a realm of its own: its own login and frame, outside the tenant shell.
const operatorLoginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/login',
  component: OperatorLoginPage,
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
});
const operatorRoute = createRoute({ getParentRoute: () => rootRoute, id: 'operator', component: OperatorLayout });
const operatorRoutes = [
  createRoute({
    getParentRoute: () => operatorRoute,
    path: '/operator',
    component: OperatorTenantsPage,
    validateSearch: (search: Record<string, unknown>): { q?: string } =>
      typeof search.q === 'string' && search.q ? { q: search.q } : {},
  }),
  createRoute({ getParentRoute: () => operatorRoute, path: '/operator/orders', component: OperatorOrdersPage }),
  createRoute({ getParentRoute: () => operatorRoute, path: '/operator/prices', component: OperatorPricesPage }),
  createRoute({ getParentRoute: () => operatorRoute, path: '/operator/terms', component: OperatorTermsPage }),
  createRoute({
    getParentRoute: () => operatorRoute,
    path: '/operator/announcements',
    component: OperatorAnnouncementsPage,
  }),
  createRoute({ getParentRoute: () => operatorRoute, path: '/operator/support', component: OperatorSupportPage }),
  createRoute({
    getParentRoute: () => operatorRoute,
    path: '/operator/support/$tenantId',
    component: OperatorSupportViewPage,
  }),
];

const routeTree = rootRoute.addChildren([
  ...publicRoutes,
  shellRoute.addChildren(appRoutes),
  operatorLoginRoute,
  operatorRoute.addChildren(operatorRoutes),
]);

export const router = createRouter({ routeTree, context: { queryClient: undefined! }, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
