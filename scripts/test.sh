#!/usr/bin/env bash
# Runs every test: type check, unit and component tests, the Firefox build through Mozilla's
# linter, and the end-to-end tests in real Chromium. Sets up a fresh machine first.
source "$(dirname "$0")/env.sh"
npm test
