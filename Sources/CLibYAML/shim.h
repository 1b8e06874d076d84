// Debian's libyaml (libyaml-dev): the event parser PodlikeYAML composes nodes from.
#include <yaml.h>
