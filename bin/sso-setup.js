#!/usr/bin/env node
import { run } from '../dist/sso-setup.mjs';

run();
