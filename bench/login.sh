# Signs USER in with curl (password, then TOTP if asked), keeping cookies in $OUT/USER.jar; prints the session
# cookie header. Sourced by bench/run.sh and bench/measure-meetings.sh; needs OUT and PORT.
login() { # login USER -> cookie header
  local jar="$OUT/$1.jar"; rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://localhost:$PORT/login"
  local t; t=$(awk '/XSRF-TOKEN/ {print $7}' "$jar")
  local loc; loc=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$1" \
    --data-urlencode "password=DangVu@2026" --data-urlencode "_csrf=$t" "http://localhost:$PORT/login")
  if [[ "$loc" == */login/totp ]]; then
    t=$(awk '/XSRF-TOKEN/ {print $7}' "$jar")
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "code=$(python3 bench/totp.py DEMODANGVUDEMODANGVUDEMODANGVU22)" \
      --data-urlencode "_csrf=$t" "http://localhost:$PORT/login/totp"
  fi
  # both cookies, as a browser sends them (without XSRF-TOKEN every page would make and set a new token)
  echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1); XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar" | tail -1)"
}
