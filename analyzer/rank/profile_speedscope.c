/* Speedscope JSON (py-spy `--format speedscope`, and any exporter following
 * https://www.speedscope.app/file-format-schema.json): shared.frames
 * [{name, file, line, col}] and profiles of two types:
 * - "sampled": samples (stacks of frame indices, root first) with weights;
 *   the last frame of a stack gets the sample's weight;
 * - "evented": O(pen)/C(lose) events with non-decreasing `at`; the time
 *   between two events goes to the frame on top of the stack.
 * Time units are converted to seconds; "none" and "bytes" are kept. */
#include "profile_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

typedef struct speedscope {
	size_t nframes;
	double *self; /* owned; per frame */
} speedscope;

static double unit_scale(const cJSON *profile)
{
	static const struct {
		const char *name;
		double scale;
	} units[] = {
	    {"seconds", 1},
	    {"milliseconds", 1e-3},
	    {"microseconds", 1e-6},
	    {"nanoseconds", 1e-9},
	};
	const char *unit = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(profile, "unit"));

	for (size_t i = 0; unit && i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(unit, units[i].name) == 0)
			return units[i].scale;
	return 1;
}

/* A frame index: an integral number naming one of shared.frames. */
static int frame_index(const speedscope *s, const cJSON *item, size_t profile, size_t *out)
{
	double d = cJSON_IsNumber(item) ? item->valuedouble : -1;

	if (!(d >= 0 && d < (double)s->nframes && d == floor(d))) {
		scout_error_set(
		    "speedscope: profile %zu names a frame that is not in shared.frames", profile);
		return SCOUT_ERROR;
	}
	*out = (size_t)d;
	return 0;
}

static int read_sampled(speedscope *s, const cJSON *profile, size_t index)
{
	const cJSON *samples = cJSON_GetObjectItemCaseSensitive(profile, "samples");
	const cJSON *weights = cJSON_GetObjectItemCaseSensitive(profile, "weights");
	const cJSON *sample, *weight = NULL;
	double scale = unit_scale(profile);

	if (!cJSON_IsArray(samples))
		return scout_error_set("speedscope: sampled profile %zu has no samples array",
		                       index);
	if (weights &&
	    (!cJSON_IsArray(weights) || cJSON_GetArraySize(weights) != cJSON_GetArraySize(samples)))
		return scout_error_set("speedscope: profile %zu has not one weight per sample",
		                       index);
	if (weights)
		weight = weights->child;
	cJSON_ArrayForEach(sample, samples)
	{
		double w = 1;
		size_t frame = 0;
		const cJSON *item;

		if (weight) {
			w = cJSON_IsNumber(weight) ? weight->valuedouble : -1;
			weight = weight->next;
		}
		if (!(w >= 0 && isfinite(w)))
			return scout_error_set("speedscope: profile %zu has a weight that is not "
			                       "a non-negative number",
			                       index);
		if (!cJSON_IsArray(sample))
			return scout_error_set("speedscope: profile %zu has a sample that is not "
			                       "a list of frames",
			                       index);
		if (!sample->child)
			continue; /* an empty stack: no frame to charge */
		cJSON_ArrayForEach(item, sample)
		{
			if (frame_index(s, item, index, &frame) < 0)
				return SCOUT_ERROR;
		}
		s->self[frame] += w * scale;
	}
	return 0;
}

static int read_evented(speedscope *s, const cJSON *profile, size_t index)
{
	const cJSON *events = cJSON_GetObjectItemCaseSensitive(profile, "events");
	const cJSON *event;
	size_t *stack = NULL, depth = 0, cap = 0;
	double scale = unit_scale(profile), last = 0;
	bool started = false;
	int error = 0;

	if (!cJSON_IsArray(events)) {
		error =
		    scout_error_set("speedscope: evented profile %zu has no events array", index);
		goto cleanup;
	}
	cJSON_ArrayForEach(event, events)
	{
		const cJSON *at = cJSON_GetObjectItemCaseSensitive(event, "at");
		const char *type =
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(event, "type"));
		size_t frame;

		if ((error = frame_index(s, cJSON_GetObjectItemCaseSensitive(event, "frame"), index,
		                         &frame)) < 0)
			goto cleanup;
		if (!cJSON_IsNumber(at) || !isfinite(at->valuedouble) ||
		    (started && at->valuedouble < last)) {
			error = scout_error_set("speedscope: profile %zu has an event whose `at` "
			                        "is missing or goes back in time",
			                        index);
			goto cleanup;
		}
		if (depth)
			s->self[stack[depth - 1]] += (at->valuedouble - last) * scale;
		last = at->valuedouble;
		started = true;
		if (type && strcmp(type, "O") == 0) {
			SCOUT_PUSH(stack, depth, cap, frame);
		} else if (type && strcmp(type, "C") == 0 && depth && stack[depth - 1] == frame) {
			depth--;
		} else {
			error = scout_error_set("speedscope: profile %zu has an event that neither "
			                        "opens a frame nor closes the open one",
			                        index);
			goto cleanup;
		}
	}
	if (depth)
		error = scout_error_set("speedscope: profile %zu ends with %zu frames open", index,
		                        depth);
cleanup:
	free(stack);
	return error;
}

int scout_profile_read_speedscope(scout_profile *out, const char *data, size_t len)
{
	cJSON *doc = NULL;
	const char *end = NULL;
	const cJSON *frames, *profiles, *profile, *frame;
	speedscope s = {0};
	scout_profile_builder b;
	size_t i = 0;
	int error = 0;

	scout_profile_builder_init(&b, out);
	if (!(doc = cJSON_ParseWithLengthOpts(data, len, &end, false))) {
		error = scout_error_set("not a profile: invalid JSON near byte %zu",
		                        end ? (size_t)(end - data) : len);
		goto cleanup;
	}
	frames = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "shared"),
	                                          "frames");
	profiles = cJSON_GetObjectItemCaseSensitive(doc, "profiles");
	if (!cJSON_IsArray(frames) || !cJSON_IsArray(profiles)) {
		error = scout_error_set("not a profile: JSON without speedscope's shared.frames "
		                        "and profiles");
		goto cleanup;
	}
	s.nframes = (size_t)cJSON_GetArraySize(frames);
	s.self = scout_calloc(s.nframes, sizeof(*s.self));
	cJSON_ArrayForEach(profile, profiles)
	{
		const char *type =
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(profile, "type"));

		i++;
		if (type && strcmp(type, "sampled") == 0)
			error = read_sampled(&s, profile, i);
		else if (type && strcmp(type, "evented") == 0)
			error = read_evented(&s, profile, i);
		else
			error = scout_error_set("speedscope: profile %zu is neither sampled nor "
			                        "evented",
			                        i);
		if (error < 0)
			goto cleanup;
	}
	i = 0;
	cJSON_ArrayForEach(frame, frames)
	{
		const char *file =
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(frame, "file"));

		scout_profile_builder_add(&b, file, file ? strlen(file) : 0, s.self[i++]);
	}
	scout_profile_builder_finish(&b);
cleanup:
	scout_profile_builder_free(&b);
	free(s.self);
	cJSON_Delete(doc);
	return error;
}
