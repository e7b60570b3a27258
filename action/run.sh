#!/usr/bin/env bash
# The script of the xref GitHub Action (action.yml): builds xref from the
# action's own checkout and runs xref check --format sarif on the files
# given, in the working directory (the workspace). Inputs come as
# INPUT_FILES, INPUT_ARGS and INPUT_SARIF_FILE; the outputs sarif-file and
# exit-code go to $GITHUB_OUTPUT. It can be run locally the same way.
set -euo pipefail

action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
tmp="${RUNNER_TEMP:-$(mktemp -d)}"
out="${GITHUB_OUTPUT:-/dev/null}"
sarif="${INPUT_SARIF_FILE:-xref.sarif}"
bin="$tmp/xref"

if [ -n "${XREF_BIN:-}" ]; then
	bin="$XREF_BIN" # a binary built already (the action's test)
else
	(cd "$action_dir" && go build -trimpath -o "$bin" ./cmd/xref)
fi

# Split the patterns without expanding them, then expand each here, so
# that ** works whatever the shell options of the runner, and a pattern
# that matches nothing is said.
set -f
patterns=(${INPUT_FILES:-})
set +f
shopt -s globstar nullglob
files=()
for pattern in "${patterns[@]}"; do
	matches=($pattern)
	if [ ${#matches[@]} -eq 0 ]; then
		echo "::warning::xref: no file matches $pattern"
	fi
	files+=("${matches[@]}")
done
shopt -u globstar nullglob
if [ ${#files[@]} -eq 0 ]; then
	echo "::error::xref: no files to check (input files: ${INPUT_FILES:-})"
	exit 2
fi

read -ra extra <<< "${INPUT_ARGS:-}"
set +e
"$bin" check --format sarif --no-cache "${extra[@]}" "${files[@]}" > "$sarif"
code=$?
set -e
echo "xref check: exit status $code, ${#files[@]} files, report in $sarif"
{
	echo "sarif-file=$sarif"
	echo "exit-code=$code"
} >> "$out"
# 1 (errors found) is for the last step of the action to decide, after the
# upload; 2 and above (bad flags, unreadable input) fail here.
if [ "$code" -ge 2 ]; then
	exit "$code"
fi
exit 0
