import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './kernel/accounts/accounts.routes.ts';
import { createApiKeyVerifier } from './kernel/accounts/api-key-verifier.ts';
import { recordApiKeyUse } from './kernel/audit/record-api-key-use.ts';
import { registerAuthRoutes } from './kernel/auth/auth-routes.ts';
import { createAuth } from './kernel/auth/create-auth.ts';
import { createLoginThrottle } from './kernel/auth/login-throttle.ts';
import type { Config } from './kernel/config/config.ts';
import type { Database } from './kernel/db/database.ts';
import { AppError } from './kernel/errors/app-error.ts';
import { registerErrorCodes } from './kernel/errors/error-status.ts';
import { installErrorHandler, sendProblem } from './kernel/http/error-handler.ts';
import { buildOpenApiDocument } from './kernel/http/openapi.ts';
import { registeredRoutes, registerRoute } from './kernel/http/register-route.ts';
import { createPrincipalResolver } from './kernel/http/resolve-principal.ts';
import { registerSystemRoutes } from './kernel/http/system-routes.ts';
import { createJobRunner } from './kernel/jobs/job-runner.ts';
import { createDailyTasks } from './kernel/jobs/daily-tasks.ts';
import { createClock } from './kernel/clock/clock.ts';
import { registerJobRoutes } from './kernel/jobs/jobs.routes.ts';
import { createTenantAccessReader } from './kernel/entitlements/tenant-access.ts';
import { createTenantActivityRecorder } from './kernel/entitlements/tenant-activity.ts';
import { defineExportJob } from './kernel/export/export-job.ts';
import { createExportRegistry } from './kernel/export/export-registry.ts';
import { registerExportRoutes } from './kernel/export/export.routes.ts';
import { registerKernelExporters } from './kernel/export/kernel-exporters.ts';
import { registerPriceRoutes } from './kernel/entitlements/prices.routes.ts';
import type { Kernel } from './kernel/kernel.ts';
import { registerOrderRoutes } from './kernel/orders/orders.routes.ts';
import { registerOperatorIdentityRoute } from './kernel/operator/identity.routes.ts';
import { registerConsoleRoutes } from './kernel/operator/console.routes.ts';
import { registerContractConsoleRoutes } from './kernel/operator/contract-console.routes.ts';
import { createNewsletterLinks } from './kernel/operator/newsletter-links.ts';
import { registerNewsletterRoutes } from './kernel/operator/newsletter.routes.ts';
import { registerOperatorAuthRoutes } from './kernel/operator/operator-auth.routes.ts';
import { createOperatorSessions } from './kernel/operator/operator-sessions.ts';
import { registerSupportRoutes } from './kernel/support/support.routes.ts';
import { ensureInitialTerms } from './kernel/terms/terms.ts';
import { registerTermsRoutes } from './kernel/terms/terms.routes.ts';
import { createMailer, renderMail } from './kernel/mail/index.ts';
import { orderModules } from './kernel/modules/index.ts';
import { createFileStorage } from './kernel/storage/index.ts';
import { installedModules } from './modules/installed-modules.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Secret for sessions and verification tokens. */
  authSecret: string;
  /** Directory with the built web app; when missing, only the API is served. */
  webDist?: string;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the whole application: kernel services first, then the modules in dependency order. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; kernel: Kernel }> {
  const { config, database } = options;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // On close: idle keep-alive connections are closed at once, requests in flight are finished.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // A path segment is an id or a link's token; one with text pasted after it must still reach
    // its route (which answers 404 for it), so segments may be longer than Fastify's 100.
    routerOptions: { maxParamLength: 1000 },
    // Longer still, or a URL that is not valid percent-encoding: problem+json like every error.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        new AppError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'not_found' : 'bad_request'),
      ),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });
  installErrorHandler(app);
  await app.register(fastifyMultipart);

  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, 'outbox'),
    logger: app.log,
  });
  const sendMail: Kernel['sendMail'] = async (to, locale, template, params) => {
    await mailer.send({ to, ...renderMail(locale, template, params, config.operator) });
  };
  const auth = createAuth({ database, baseUrl: config.publicBaseUrl, secret: options.authSecret, sendMail });
  const apiKeys = createApiKeyVerifier(database.owner, (key, ip) => void recordApiKeyUse(database, key, ip, app.log));
  const tenantAccess = createTenantAccessReader(database.owner);
  const operatorSessions = createOperatorSessions(database.owner);
  const resolvePrincipal = createPrincipalResolver({
    auth,
    ownerDb: database.owner,
    apiKeys,
    tenantAccess,
    operatorSessions,
  });
  const storage = createFileStorage({ root: path.join(config.dataDir, 'files') });
  const jobs = createJobRunner({ database, logger: app.log, connectionString: config.databaseUrl });
  const recordActivity = createTenantActivityRecorder(database.owner, app.log);
  const routeDeps = { database, resolvePrincipal, tenantAccess, recordActivity };

  const kernel: Kernel = {
    config,
    app,
    database,
    auth,
    mailer,
    sendMail,
    storage,
    jobs,
    daily: createDailyTasks(database, tenantAccess),
    clock: createClock(config.isClockAdjustable),
    exports: createExportRegistry(),
    apiKeys,
    tenantAccess,
    resolvePrincipal,
    route: (spec) => registerRoute(app, routeDeps, spec),
  };

  registerSystemRoutes(kernel);
  registerAuthRoutes(app, { auth, database, throttle: createLoginThrottle(), baseUrl: config.publicBaseUrl });
  registerAccountRoutes(kernel);
  registerJobRoutes(kernel);
  registerTermsRoutes(kernel);
  registerPriceRoutes(kernel);
  registerOrderRoutes(kernel);
  registerOperatorIdentityRoute(kernel);
  registerSupportRoutes(kernel);
  const newsletterLinks = createNewsletterLinks(options.authSecret, config.publicBaseUrl);
  registerOperatorAuthRoutes(kernel, operatorSessions);
  registerConsoleRoutes(kernel, operatorSessions, newsletterLinks);
  registerContractConsoleRoutes(kernel, operatorSessions);
  registerNewsletterRoutes(kernel, newsletterLinks);
  registerKernelExporters(kernel.exports);
  defineExportJob(kernel);
  registerExportRoutes(kernel);
  await ensureInitialTerms(database);
  for (const module of orderModules(installedModules)) {
    if (module.errors) registerErrorCodes(module.name, module.errors);
    await module.register(kernel);
  }

  const openApi = buildOpenApiDocument(registeredRoutes, { baseUrl: config.publicBaseUrl, version: '0.1.0' });
  app.get('/api/v1/openapi.json', async () => openApi);
  app.get('/api/v1/reference', async (_request, reply) => reply.type('text/html').send(renderReferencePage()));

  serveWebApp(app, options.webDist ?? DEFAULT_WEB_DIST);
  app.addHook('onClose', async () => {
    await jobs.stop();
    await mailer.close();
  });
  return { app, kernel };
}

/** The built web app for every non-API path, so deep links like /settings/company load the app. */
function serveWebApp(app: FastifyInstance, webDist: string): void {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  // Wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) {
    void app.register(fastifyStatic, { root: webDist, wildcard: true, index: false, maxAge: '1h' });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/internal/');
    const isAsset = request.url.startsWith('/assets/');
    if (!isApi && !isAsset && hasWeb && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('not_found'));
  });
}

function renderReferencePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clientbox API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem}code,pre{background:#f4f5f7;border-radius:4px}pre{padding:.75rem;overflow:auto;font-size:12px}h2{margin-top:2rem;border-bottom:1px solid #ddd}.m{display:inline-block;min-width:4.5rem;font-weight:700}</style>
</head><body><h1>Clientbox API</h1><p>Generated from the same schemas that validate requests: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
Authenticate with <code>Authorization: Bearer &lt;api key&gt;</code>. Errors are <code>application/problem+json</code>.</p><div id="ops">Loading…</div>
<script>
fetch('/api/v1/openapi.json').then(r=>r.json()).then(doc=>{const byTag={};for(const[p,ops]of Object.entries(doc.paths))for(const[m,op]of Object.entries(ops))(byTag[op.tags?.[0]||'Other']??=[]).push({p,m,op});
const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));let h='';for(const[tag,list]of Object.entries(byTag)){h+='<h2>'+esc(tag)+'</h2>';for(const{p,m,op}of list){h+='<details><summary><span class="m">'+m.toUpperCase()+'</span><code>'+esc(p)+'</code> — '+esc(op.summary||'')+'</summary>';
if(op.requestBody)h+='<h4>Request body</h4><pre>'+esc(JSON.stringify(op.requestBody.content,null,2))+'</pre>';h+='<h4>Responses</h4><pre>'+esc(JSON.stringify(op.responses,null,2))+'</pre></details>'}}document.getElementById('ops').innerHTML=h});
</script></body></html>`;
}
