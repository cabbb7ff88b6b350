#!/usr/bin/env bash
# The checks of a data pull request, as .github/workflows/validate-data.yml runs
# them. The workflow runs this script, and accsm, from a checkout of the BASE
# commit (ACCSM_TOOL), never from the pull request's own code: a pull request
# that also changes src/, bin/, package.json or this script cannot change how
# its data is judged. Only the pull request's data/ (in ACCSM_PR) is read.
#
#   data-pr.sh install    npm ci in the base checkout (which also builds accsm)
#   data-pr.sh validate   annotations on the pull request's diff (--format github)
#   data-pr.sh summary    the markdown diff against BASE_SHA, for the job summary
#
# The base is given to diff with --base-rev, so it is always read as a git
# revision: a file or symbolic link in the pull request named like it is not
# looked at.
set -euo pipefail

tool="$(cd "${ACCSM_TOOL:?the base checkout (ACCSM_TOOL) is not set}" && pwd -P)"
pr="$(cd "${ACCSM_PR:?the pull request checkout (ACCSM_PR) is not set}" && pwd -P)"

accsm() {
  node "$tool/bin/accsm.js" "$@"
}

# The pull request's data must be a real folder of its repository, not a link to elsewhere.
require_data_folder() {
  if [ -L "$pr/data" ] || [ ! -d "$pr/data" ]; then
    echo "::error file=data::data/ is not a folder in this pull request (a symbolic link, a file or missing); accsm checks only a real data/ folder"
    exit 1
  fi
}

case "${1:-}" in
  install)
    npm ci --prefix "$tool" --no-audit --no-fund
    ;;
  validate)
    require_data_folder
    cd "$pr"
    accsm validate --data data --format github
    ;;
  summary)
    require_data_folder
    cd "$pr"
    accsm diff --base-rev "${BASE_SHA:?the base commit (BASE_SHA) is not set}" --data data --format markdown
    ;;
  *)
    echo "usage: data-pr.sh install|validate|summary" >&2
    exit 2
    ;;
esac
