#!/usr/bin/env bash
# Installs the system packages the tests need. Today: none beyond Node; PostgreSQL and Redis join here when the
# scale-out adapters land (their test setup starts the servers on loopback).
set -euo pipefail
echo "no system services needed yet"
