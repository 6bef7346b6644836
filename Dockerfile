# syntax=docker/dockerfile:1
# One image for the gateway, the five agency subgraphs and the database init job; docker-compose.yml
# picks the service with `command`. Two stages: the build has every dependency and compiles the
# TypeScript; the runtime has production dependencies only and runs the compiled JavaScript.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when a manifest or the lockfile changes.
COPY package.json package-lock.json ./
COPY packages/platform/package.json packages/platform/
COPY packages/domain/package.json packages/domain/
COPY packages/testing/package.json packages/testing/
COPY packages/plan/package.json packages/plan/
COPY packages/postgres/package.json packages/postgres/
COPY packages/dev-identity-provider/package.json packages/dev-identity-provider/
COPY packages/spreadsheet-import/package.json packages/spreadsheet-import/
COPY packages/client/package.json packages/client/
COPY subgraphs/family/package.json subgraphs/family/
COPY subgraphs/justice/package.json subgraphs/justice/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/education/package.json subgraphs/education/
COPY subgraphs/interior/package.json subgraphs/interior/
COPY gateway/package.json gateway/
COPY schema/package.json schema/
COPY portal/package.json portal/
# The build script (prepare) needs the sources, so it runs after they are copied.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/packages/platform/package.json packages/platform/
COPY --from=build /app/packages/domain/package.json packages/domain/
COPY --from=build /app/packages/testing/package.json packages/testing/
COPY --from=build /app/packages/plan/package.json packages/plan/
COPY --from=build /app/packages/postgres/package.json packages/postgres/
COPY --from=build /app/packages/dev-identity-provider/package.json packages/dev-identity-provider/
COPY --from=build /app/packages/spreadsheet-import/package.json packages/spreadsheet-import/
COPY --from=build /app/subgraphs/family/package.json subgraphs/family/
COPY --from=build /app/subgraphs/justice/package.json subgraphs/justice/
COPY --from=build /app/subgraphs/health/package.json subgraphs/health/
COPY --from=build /app/subgraphs/education/package.json subgraphs/education/
COPY --from=build /app/subgraphs/interior/package.json subgraphs/interior/
COPY --from=build /app/gateway/package.json gateway/
COPY --from=build /app/schema/package.json schema/
COPY --from=build /app/portal/package.json portal/
# Production dependencies only. Optional ones are the embedded PostgreSQL's binaries, which only
# `npm start` on a developer's machine uses; scripts would run the build, which is done.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/packages/platform/dist packages/platform/dist
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/packages/plan/dist packages/plan/dist
COPY --from=build /app/packages/plan/action-plan.json packages/plan/
COPY --from=build /app/packages/postgres/dist packages/postgres/dist
COPY --from=build /app/packages/spreadsheet-import/dist packages/spreadsheet-import/dist
COPY --from=build /app/subgraphs/family/dist subgraphs/family/dist
COPY --from=build /app/subgraphs/justice/dist subgraphs/justice/dist
COPY --from=build /app/subgraphs/health/dist subgraphs/health/dist
COPY --from=build /app/subgraphs/education/dist subgraphs/education/dist
COPY --from=build /app/subgraphs/interior/dist subgraphs/interior/dist
COPY --from=build /app/gateway/dist gateway/dist
# The supergraph, and the Turkish descriptions the gateway's /docs page is built with.
COPY --from=build /app/schema/supergraph.graphql schema/
COPY --from=build /app/schema/descriptions.tr.json schema/
# The portal's bundle, which the gateway serves at / (its packages are build-time only).
COPY --from=build /app/portal/dist portal/dist
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
CMD ["node", "gateway/dist/index.js"]
