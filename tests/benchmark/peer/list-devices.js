// The benchmark's peer: lists every managed device of a keyturn-demo-tenant with Microsoft's
// JavaScript Graph client (@microsoft/microsoft-graph-client, PageIterator), keeping every item in
// an array as a list view would, and prints one JSON line with its timings.
// Usage: KEYTURN_BENCH_TOKEN=... node list-devices.js <graphRoot> <$select> [repeats]
// (the token comes through the environment so it never shows in a process list).
"use strict";

const {
    Client,
    PageIterator,
    RetryHandler,
    RedirectHandler,
    HTTPMessageHandler,
} = require("@microsoft/microsoft-graph-client");

const [graphRoot, select, repeatsArg] = process.argv.slice(2);
const token = process.env.KEYTURN_BENCH_TOKEN;
if (!graphRoot || !select || !token) {
    console.error("usage: KEYTURN_BENCH_TOKEN=... node list-devices.js <graphRoot> <$select> [repeats]");
    process.exit(2);
}
const repeats = Math.max(1, Number(repeatsArg || 1));

// The SDK's own AuthenticationHandler only adds the token for https Graph hosts (or https custom
// hosts); the demo tenant is plain http on loopback, so this does the same job unconditionally.
class BearerMiddleware {
    async execute(context) {
        context.options = context.options || {};
        const headers = new Headers(context.options.headers || {});
        headers.set("Authorization", `Bearer ${token}`);
        context.options.headers = headers;
        return this.nextMiddleware.execute(context);
    }
    setNext(next) {
        this.nextMiddleware = next;
    }
}

// GraphRequest.parsePath only recognises absolute https links: an http nextLink gets glued after
// the base ("http://h/beta/http://h/beta/..."). Undo that so PageIterator follows the link as is.
class PlainHttpLinkMiddleware {
    async execute(context) {
        if (typeof context.request === "string") {
            const inner = context.request.indexOf("http://", 1);
            if (inner > 0)
                context.request = context.request.substring(inner);
        }
        return this.nextMiddleware.execute(context);
    }
    setNext(next) {
        this.nextMiddleware = next;
    }
}

const client = Client.initWithMiddleware({
    baseUrl: graphRoot.replace(/\/+$/, ""),
    defaultVersion: "beta",
    middleware: [
        new BearerMiddleware(),
        new RetryHandler(),
        new RedirectHandler(),
        new PlainHttpLinkMiddleware(),
        new HTTPMessageHandler(),
    ],
});

async function listOnce() {
    const started = process.hrtime.bigint();
    const devices = [];
    let pages = 1;
    const first = await client.api("/deviceManagement/managedDevices").select(select).top(1000).get();
    const firstPageMs = Number(process.hrtime.bigint() - started) / 1e6;
    const iterator = new PageIterator(client, first, (device) => {
        devices.push(device);
        return true;
    });
    // Count pages through the iterator's own state: each new collection is one page.
    const fetchNext = iterator.fetchAndUpdateNextPageData.bind(iterator);
    iterator.fetchAndUpdateNextPageData = async () => {
        ++pages;
        return fetchNext();
    };
    await iterator.iterate();
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { firstPageMs, totalMs, devices: devices.length, pages };
}

(async () => {
    const runs = [];
    for (let i = 0; i < repeats; ++i)
        runs.push(await listOnce());
    const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
    const firstPageMs = Math.min(...runs.map((r) => r.firstPageMs));
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ...best, firstPageMs, peakRssMB, runs: runs.map((r) => r.totalMs) }));
})().catch((error) => {
    console.error(`peer failed: ${error && (error.message || error.code || error)}`);
    process.exit(1);
});
