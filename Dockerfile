# Data Tools Commons: one image for every process of the stack (docker-compose.yml):
#   API (default command)   node --max-semi-space-size=64 dist/apps/api/src/main.js
#   worker                  node dist/apps/api/src/worker.js
#   migrate (one-shot)      node dist/apps/api/src/migrate.js
# Node 22 (LTS); processes.spec and deploy.spec check these against package.json and the compose file.

# ---- build: install everything, compile the API (tsc) and the web client (vite) ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
# No analytics calls from install scripts during the build.
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/api/src/worker.js \
 && test -f dist/apps/api/src/migrate.js \
 && test -f dist/web/index.html

# ---- runtime: compiled output and production dependencies only ----
FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_DIST=/app/dist/web \
    npm_config_update_notifier=false
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# 3000: the API (HTTP and socket.io); 9464: the worker's metrics (WORKER_METRICS_PORT, with METRICS_TOKEN).
EXPOSE 3000 9464
# package.json's start:api, flags included (processes.spec checks they agree; docs/PERFORMANCE.md, "Young generation").
CMD ["node", "--max-semi-space-size=64", "dist/apps/api/src/main.js"]
