"""The Node script bench/observatory.py writes to a temp dir: the Observatory's scan, with ports.

Mirrors src/scanner/index.js of @mdn/mdn-http-observatory (whose CLI takes no port): retrieve(),
ALL_TESTS and the grader, for each path given. Arguments: host, http port, https port, paths...
Prints a JSON list, one entry per path. @PACKAGE@ is the package's src/ folder as a file: URL.
"""

NODE_SCRIPT = """\
import { retrieve } from "@PACKAGE@/retriever/retriever.js";
import { ALL_TESTS, NUM_TESTS } from "@PACKAGE@/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@PACKAGE@/grader/charts.js";
import { getGradeForScore, getScoreModifier } from "@PACKAGE@/grader/grader.js";

const [host, httpPort, httpsPort, ...paths] = process.argv.slice(2);
const pages = [];
for (const path of paths) {
  const r = await retrieve(host, { httpPort, httpsPort, path });
  if (!r.responses.auto) throw new Error(`${path}: the site seems to be down`);
  let withExtraCredit = 100;
  let uncurved = 100;
  let passed = 0;
  const tests = ALL_TESTS.map((test) => test(r)).map((out) => {
    const modifier = out.result ? getScoreModifier(out.result) : 0;
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
    passed += out.pass ? 1 : 0;
    return { name: out.constructor.name, pass: out.pass, result: out.result, modifier };
  });
  const raw = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
  const { score, grade } = getGradeForScore(raw);
  pages.push({
    path, score, grade, passed, quantity: NUM_TESTS, status: r.responses.auto.status,
    verified: Boolean(r.responses.auto.verified), url: r.session.url.href, tests,
    route: r.responses.httpRedirects.map((hop) => hop.url.href),
  });
}
console.log(JSON.stringify(pages));
"""
