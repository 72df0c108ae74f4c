# syntax=docker/dockerfile:1
# Multi-stage: dependencies are installed in a build stage; the runtime stage runs as the
# unprivileged `node` user and carries only what `aigraph serve` needs.
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false && npm cache clean --force

FROM node:20.19-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json codegen.ts ./
COPY schema ./schema
COPY explorer ./explorer
RUN npm run build

FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    AIGRAPH_DB=/data/graph.lbug
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY schema ./schema
COPY seeds ./seeds
COPY --from=explorer /app/explorer/dist ./explorer/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The young generation's size: see "start" in package.json and docs/read-model.md.
CMD ["node", "--max-semi-space-size=64", "bin/aigraph.js", "serve"]
