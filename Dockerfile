# The HavunCore App server: `havun app` on Node 24, production dependencies only, as a
# non-root user. Configure it with environment variables (README: "Deploying the server").
FROM node:24-slim AS deps
WORKDIR /opt/havuncore
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /opt/havuncore
COPY --from=deps /opt/havuncore/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json app.yml ./
COPY app ./app
COPY cli ./cli
COPY sandbox ./sandbox
COPY contracts ./contracts
COPY vault ./vault
COPY snippets ./snippets
COPY mcp ./mcp
COPY dashboard ./dashboard
COPY action/src ./action/src
RUN chmod 755 cli/bin/havun.js \
    && ln -s /opt/havuncore/cli/bin/havun.js /usr/local/bin/havun \
    && mkdir -p /var/lib/havun \
    && chown node:node /var/lib/havun
# The code stays root-owned and read-only to the server; a .env (if any) lives here.
WORKDIR /var/lib/havun
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["havun", "app"]
