#!/usr/bin/env node
// For running from a checkout; the published `bin` is dist/sso-setup.mjs itself.
import '../dist/sso-setup.mjs';
