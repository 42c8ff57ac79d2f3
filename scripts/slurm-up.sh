#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (for the cluster integration test and for
# trying the example job array in examples/slurm/), without systemd: munged, slurmctld and
# slurmd run as root-started daemons with a minimal slurm.conf for one node on 127.0.0.1.
#
# Idempotent: when the cluster already answers and its node is up, it is reused as it is.
# Needs root and the Debian packages slurm-wlm and munge (apt-get install -y slurm-wlm munge).
#
# Usage: sudo scripts/slurm-up.sh        (prints the node name and state when ready)
set -euo pipefail

log() { echo "slurm-up: $*" >&2; }
die() { log "$*"; exit 1; }

missing=()
for bin in munged munge slurmctld slurmd sbatch sinfo scontrol; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
if [ ${#missing[@]} -gt 0 ]; then
  die "missing ${missing[*]}; install the Debian packages: apt-get install -y slurm-wlm munge"
fi
[ "$(id -u)" = "0" ] || die "must run as root (it starts munged, slurmctld and slurmd)"

NODE="$(hostname -s)"
CONF=/etc/slurm/slurm.conf
SPOOL=/var/spool/slurm-regiosim
LOGS=/var/log/slurm-regiosim

node_state() { sinfo -h -N -n "$NODE" -o '%T' 2>/dev/null | head -n1 | tr -d '*~#' || true; }

# Already up? Reuse it.
if scontrol ping >/dev/null 2>&1; then
  state="$(node_state)"
  case "$state" in
    idle|mixed|allocated|completing)
      log "cluster already running (node $NODE: $state)"
      echo "$NODE $state"
      exit 0
      ;;
  esac
fi

# ---------------------------------------------------------------- munge
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
if [ ! -s /etc/munge/munge.key ]; then
  log "creating /etc/munge/munge.key"
  if command -v mungekey >/dev/null 2>&1; then mungekey --create --force >/dev/null
  else dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  fi
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 0700 /etc/munge /var/lib/munge /var/log/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  log "starting munged"
  runuser -u munge -- /usr/sbin/munged --force
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null 2>&1 || die "munged does not answer (see /var/log/munge/munged.log)"
fi

# ---------------------------------------------------------------- slurm.conf
CPUS="$(nproc)"
MEM_MB="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
mkdir -p /etc/slurm "$SPOOL/ctld" "$SPOOL/d" "$LOGS"
WANT="$(cat <<EOF
# Written by regiosim scripts/slurm-up.sh: a single-node cluster on 127.0.0.1.
ClusterName=regiosim
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$SPOOL/ctld
SlurmdSpoolDir=$SPOOL/d
SlurmctldPidFile=/run/slurmctld-regiosim.pid
SlurmdPidFile=/run/slurmd-regiosim.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MaxArraySize=10001
NodeName=$NODE NodeAddr=127.0.0.1 NodeHostname=$NODE CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=regiosim Nodes=$NODE Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
EOF
)"
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$WANT" ]; then
  if [ -f "$CONF" ] && ! grep -q 'regiosim scripts/slurm-up.sh' "$CONF"; then
    cp "$CONF" "$CONF.before-regiosim"
    log "saved the existing $CONF as $CONF.before-regiosim"
  fi
  printf '%s\n' "$WANT" > "$CONF"
fi
# No cgroup.conf: with proctrack/linuxproc and task/none slurmd only probes cgroups (autodetect).

# ---------------------------------------------------------------- daemons
if ! scontrol ping >/dev/null 2>&1; then
  if ! pgrep -x slurmctld >/dev/null 2>&1; then
    log "starting slurmctld"
    /usr/sbin/slurmctld -i || die "slurmctld failed to start: $(tail -n 5 "$LOGS/slurmctld.log" 2>/dev/null)"
  fi
  for _ in $(seq 1 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.2; done
  scontrol ping >/dev/null 2>&1 || die "slurmctld does not answer (see $LOGS/slurmctld.log)"
fi
if ! pgrep -x slurmd >/dev/null 2>&1; then
  log "starting slurmd"
  /usr/sbin/slurmd -N "$NODE" || die "slurmd failed to start: $(tail -n 5 "$LOGS/slurmd.log" 2>/dev/null)"
fi

# Wait for the node; bring it back if an earlier session left it down or drained.
for i in $(seq 1 150); do
  state="$(node_state)"
  case "$state" in
    idle|mixed|allocated|completing)
      log "cluster ready (node $NODE: $state)"
      echo "$NODE $state"
      exit 0
      ;;
    down*|drain*|fail*)
      if [ $((i % 10)) -eq 1 ]; then scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true; fi
      ;;
  esac
  sleep 0.2
done
die "node $NODE did not come up (state: $(node_state); see $LOGS/slurmd.log and $LOGS/slurmctld.log)"
