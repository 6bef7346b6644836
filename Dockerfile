# syntax=docker/dockerfile:1
# One image for the gateway and the five agency subgraphs; docker-compose.yml picks the service
# with `command`. Services run from TypeScript source through tsx, as in development.
FROM node:20-bookworm-slim

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when a manifest or the lockfile changes.
# Every workspace's package.json must be listed here (test/docker-compose.test.ts checks it).
COPY package.json package-lock.json ./
COPY packages/platform/package.json packages/platform/
COPY packages/domain/package.json packages/domain/
COPY packages/testing/package.json packages/testing/
COPY packages/plan/package.json packages/plan/
COPY packages/postgres/package.json packages/postgres/
COPY packages/dev-identity-provider/package.json packages/dev-identity-provider/
COPY subgraphs/family/package.json subgraphs/family/
COPY subgraphs/justice/package.json subgraphs/justice/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/education/package.json subgraphs/education/
COPY subgraphs/interior/package.json subgraphs/interior/
COPY gateway/package.json gateway/
COPY schema/package.json schema/

# tsx is a devDependency and runs the services, so dev dependencies are installed on purpose;
# NODE_ENV=production is set only after this step.
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force

COPY . .

# Embedded PGlite data (used only when no <NAME>_DATABASE_URL is set) lives outside the source tree.
RUN mkdir -p /data && chown node:node /data

ENV HOST=0.0.0.0 NODE_ENV=production DATA_DIR=/data

USER node

EXPOSE 4000 4001 4002 4003 4004 4005

CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
