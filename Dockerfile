# Woonbrug: one image for the three portals and the migration command.
# The default command runs the worker portal; docker-compose.yml picks the portal per service:
#   node dist/apps/worker-portal/src/main.js     (port 3001)
#   node dist/apps/landlord-portal/src/main.js   (port 3002)
#   node dist/apps/ocmw-portal/src/main.js       (port 3003)
#   node dist/libs/database/src/cli/migrate.js   (applies pending migrations, then exits)

ARG NODE_IMAGE=node:20-bookworm-slim

# --- production dependencies only -------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose install script reports usage; keep it quiet.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- build: all dependencies, compile apps/ and libs/ into dist/ ------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Owned by root and only readable by `node`: the running process cannot change its own code.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3001 3002 3003
# Node itself is PID 1 (no npm wrapper), so SIGTERM reaches Nest's shutdown hooks.
CMD ["node", "dist/apps/worker-portal/src/main.js"]
