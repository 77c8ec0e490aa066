# syntax=docker/dockerfile:1
# SPDX-License-Identifier: EUPL-1.2
# Kansrijk as a container image (issue 12 item 2). Two stages: `build` installs everything and builds
# the web app (dist/web), the compiled server (build/) and the SBOM; `runtime` has only the production
# dependencies and what the server reads at run time. Runs as an unprivileged user, works on a
# read-only root file system (writable: /tmp and DATA_DIR, both volumes), and starts node itself as
# PID 1 (exec form, no npm or shell in between) so SIGTERM reaches the server and it shuts down cleanly.
#
#   docker build -t kansrijk:0.1.0 .
#   docker run --read-only --tmpfs /tmp -v kansrijk-data:/var/lib/kansrijk -e DATABASE_URL_FILE=… kansrijk:0.1.0
#   docker run … kansrijk:0.1.0 node build/server/cli/migrate.js          (migrations only, then exit)
#   docker run … kansrijk:0.1.0 node build/server/cli/create-admin.js --name "…" --email …
#   docker run … kansrijk:0.1.0 node build/server/cli/unlock-account.js --email …

# A current Node.js LTS (some dependencies require Node ≥ 22).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true
# Dependencies first: this layer is reused as long as the lock file does not change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run sbom

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Kansrijk" \
      org.opencontainers.image.description="Het open platform voor Kansrijke Start (de eerste 1000 dagen)" \
      org.opencontainers.image.licenses="EUPL-1.2"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/kansrijk \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
 && mkdir -p /var/lib/kansrijk && chown 1000:1000 /var/lib/kansrijk
# What the server reads at run time; owned by root, so the server cannot change its own code.
COPY --from=build /app/build ./build
COPY --from=build /app/dist ./dist
COPY data ./data
COPY migrations ./migrations
COPY scripts/start.mjs ./scripts/start.mjs
COPY LICENSE ./
# The image's own user `node` (uid 1000), by number so Kubernetes can check runAsNonRoot.
USER 1000:1000
VOLUME ["/var/lib/kansrijk"]
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "build/server/main.js"]
