#!/usr/bin/env bash
# Installs what the tests compare against and drive: Debian's lua5.4 (the reference of the differential Lua suite),
# and Debian's headless Chromium with its ChromeDriver (the console's browser tests).
exec bash "$(dirname "$0")/install-packages.sh" lua5.4:lua5.4 chromium:chromium chromedriver:chromium-driver
