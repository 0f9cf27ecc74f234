/* One child process in its own process group: output through a pipe into a
 * capped capture (head and tail kept), a deadline, SIGINT/SIGTERM passed on
 * as a kill of the whole group, and a progress line when stderr is a TTY. */
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

bool child_interrupted(void)
{
	return got_signal != 0;
}

static struct sigaction saved_int, saved_term;
static int catching;

void child_signals_catch(void)
{
	struct sigaction sa = {.sa_handler = on_signal};

	if (catching++)
		return;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &saved_int);
	sigaction(SIGTERM, &sa, &saved_term);
}

void child_signals_restore(void)
{
	if (catching == 0 || --catching)
		return;
	sigaction(SIGINT, &saved_int, NULL);
	sigaction(SIGTERM, &saved_term, NULL);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the capture: the first `half` bytes, then a ring of the last `half` */

typedef struct capture {
	char *head;
	size_t head_len, half;
	char *ring;
	size_t ring_len, ring_at; /* bytes in the ring; where the next byte goes */
	uint64_t total;
} capture;

static void capture_add(capture *c, const char *data, size_t n)
{
	c->total += n;
	while (n > 0 && c->head_len < c->half) {
		c->head[c->head_len++] = *data++;
		n--;
	}
	for (; n > 0; n--, data++) {
		c->ring[c->ring_at] = *data;
		c->ring_at = (c->ring_at + 1) % c->half;
		if (c->ring_len < c->half)
			c->ring_len++;
	}
}

/* head, then (when bytes were dropped) a marker and the tail from its first
 * whole line. */
static void capture_finish(child_result *r, capture *c)
{
	scout_buf b = {0};
	uint64_t dropped = c->total - c->head_len - c->ring_len;
	size_t start = (c->ring_at + c->half - c->ring_len) % c->half, skip = 0;

	scout_buf_put(&b, c->head, c->head_len);
	if (dropped > 0) {
		while (skip < c->ring_len && c->ring[(start + skip) % c->half] != '\n')
			skip++;
		skip += skip < c->ring_len;
		dropped += skip;
		if (b.len && b.data[b.len - 1] != '\n')
			scout_buf_putc(&b, '\n');
		scout_buf_printf(&b, "[mypyc-scout: %llu bytes of output dropped here]\n",
		                 (unsigned long long)dropped);
	}
	for (size_t i = skip; i < c->ring_len; i++)
		scout_buf_putc(&b, c->ring[(start + i) % c->half]);
	if (!b.data)
		scout_buf_puts(&b, "");
	r->total = c->total;
	r->dropped = dropped;
	r->len = b.len;
	r->output = scout_buf_detach(&b);
}

/* ---- the child ------------------------------------------------------------ */

/* In the child: its own group, stdin from /dev/null, stdout and stderr into
 * the pipe; on exec failure errno goes up `err` (close-on-exec). */
static void exec_child(const child_opts *o, int out, int err)
{
	int null = open("/dev/null", O_RDONLY);

	setpgid(0, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	if (null >= 0)
		dup2(null, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	if (!o->cwd || chdir(o->cwd) == 0)
		execvp(o->argv[0], o->argv);
	{
		int e = errno;
		ssize_t w = write(err, &e, sizeof(e));
		(void)w;
	}
	_exit(127);
}

/* SIGTERM to the group, SIGKILL when the child is not gone within 2 s (it
 * stays a zombie for reap()). */
static void kill_group(pid_t pid)
{
	kill(-pid, SIGTERM);
	for (int i = 0; i < 20; i++) {
		siginfo_t info = {0};

		if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
		    info.si_pid == pid) {
			kill(-pid, SIGKILL); /* what it started may outlive it */
			return;
		}
		usleep(100000);
	}
	kill(-pid, SIGKILL);
}

static void show_progress(const child_opts *o, double elapsed, bool *shown)
{
	if (!o->progress)
		return;
	fprintf(stderr, "\r\033[Kmypyc-scout verify: %s, %.0f s", o->progress, elapsed);
	fflush(stderr);
	*shown = true;
}

typedef struct run_state {
	pid_t pid;
	int fd;
	capture cap;
	double start, killed_at;
	bool killed, shown;
} run_state;

/* Reads until EOF; kills at the deadline or on a signal. */
static void pump(run_state *s, child_opts const *o, child_result *r)
{
	char chunk[65536];
	double last_shown = 0;

	for (;;) {
		struct pollfd p = {.fd = s->fd, .events = POLLIN};
		double elapsed = now() - s->start;
		int n = poll(&p, 1, 200);

		if (!s->killed && ((o->timeout && elapsed > o->timeout) || got_signal)) {
			r->timed_out = !got_signal;
			r->interrupted = got_signal != 0;
			s->killed = true;
			s->killed_at = elapsed;
			kill_group(s->pid);
		}
		if (s->killed && elapsed - s->killed_at > 3)
			break; /* something outside the group holds the pipe */
		if (elapsed - last_shown >= 1.0) {
			show_progress(o, elapsed, &s->shown);
			last_shown = elapsed;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			continue;
		ssize_t got = read(s->fd, chunk, sizeof(chunk));
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (got <= 0)
			break;
		capture_add(&s->cap, chunk, (size_t)got);
	}
}

static void reap(run_state *s, child_result *r)
{
	int status = 0;

	while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status)) {
		r->exit_status = WEXITSTATUS(status);
	} else {
		r->exit_status = -1;
		r->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	}
	if (s->killed)
		kill(-s->pid, SIGKILL); /* stragglers of the group */
}

/* Starts the child; returns 0, or the errno of a failed exec. */
static int start(run_state *s, const child_opts *o)
{
	int out[2], err[2], e = 0;

	if (pipe(out) < 0)
		return errno;
	if (pipe(err) < 0) {
		e = errno;
		close(out[0]);
		close(out[1]);
		return e;
	}
	fcntl(err[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	s->pid = fork();
	if (s->pid == 0) {
		close(out[0]);
		close(err[0]);
		exec_child(o, out[1], err[1]);
	}
	close(out[1]);
	close(err[1]);
	if (s->pid < 0) {
		e = errno;
		close(out[0]);
	} else {
		setpgid(s->pid, s->pid); /* either side may win the race */
		if (read(err[0], &e, sizeof(e)) != sizeof(e))
			e = 0;
		if (e) {
			waitpid(s->pid, NULL, 0);
			close(out[0]);
		}
	}
	close(err[0]);
	s->fd = out[0];
	return e;
}

int child_run(child_result *out, const child_opts *o)
{
	run_state s = {.fd = -1};
	size_t half = o->cap / 2 ? o->cap / 2 : 1;
	int e;

	memset(out, 0, sizeof(*out));
	s.cap.half = half;
	s.cap.head = scout_malloc(half);
	s.cap.ring = scout_malloc(half);
	child_signals_catch();
	s.start = now();
	if ((e = start(&s, o)) != 0) {
		scout_error_set("cannot run '%s': %s", o->argv[0], strerror(e));
	} else {
		pump(&s, o, out);
		close(s.fd);
		reap(&s, out);
		out->interrupted |= got_signal != 0;
		capture_finish(out, &s.cap);
	}
	out->seconds = now() - s.start;
	if (s.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	child_signals_restore();
	free(s.cap.head);
	free(s.cap.ring);
	return e == 0 ? 0 : e == ENOENT ? SCOUT_ENOTFOUND : SCOUT_ERROR;
}

void child_result_free(child_result *r)
{
	free(r->output);
	memset(r, 0, sizeof(*r));
}
