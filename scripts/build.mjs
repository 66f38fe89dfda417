// `npm run build`: always rebuild the Next app (and record the source fingerprint `npm start` checks).
import { buildIfNeeded } from "./lib/build-if-needed.mjs";

buildIfNeeded({ force: true });
