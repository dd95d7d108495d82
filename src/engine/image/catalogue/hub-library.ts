/**
 * Docker Hub's official images: the repositories under `library/` (what `nginx` or `ubuntu` means).
 * A one-word image outside this list names a repository Docker Hub does not have, so a misspelled
 * official image (`ngnix`, `ubunut`, `buysbox`) fails its pull the way Docker Hub answers: it does
 * not say whether a repository exists, only that access is denied (containerd: `pull access denied,
 * repository does not exist or may require authorization: server message: insufficient_scope:
 * authorization failed`; moby daemon/internal/distribution/errors.go: `pull access denied for %s,
 * repository does not exist or may require 'docker login'` around the registry's `denied: requested
 * access to the resource is denied`).
 *
 * The list is every file that has ever been in docker-library/official-images `library/` (read at
 * commit 37079fb, 2026-08-21): today's 144 images and the deprecated ones, whose repositories stay
 * on Docker Hub (`centos`, `java`, `jenkins`…). Only `library/` is judged: a user's or an
 * organisation's repository (`kodekloud/webapp`) may exist, the lab cannot know.
 */
import type { ImageRef } from '../../model/index.js';

const LIBRARY: ReadonlySet<string> = new Set([
  'adminer', 'adoptopenjdk', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall',
  'arangodb', 'archlinux', 'azul-zulu', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox', 'caddy', 'cassandra', 'celery',
  'centos', 'chronograf', 'cirros', 'clearlinux', 'clefos', 'clickhouse', 'clojure', 'composer', 'consul', 'convertigo',
  'couchbase', 'couchdb', 'couchdb-nouveau', 'crate', 'crux', 'dart', 'debian', 'django', 'docker', 'docker-dev', 'drupal',
  'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch', 'elixir', 'emqx', 'erlang', 'espocrm', 'euleros',
  'express-gateway', 'fedora', 'flink', 'fluentd', 'friendica', 'fsharp', 'gazebo', 'gcc', 'geonetwork', 'ghost', 'glassfish',
  'golang', 'gradle', 'groovy', 'haproxy', 'haskell', 'haxe', 'hello-seattle', 'hello-world', 'hipache', 'hitch', 'hola-mundo',
  'httpd', 'hylang', 'ibm-semeru-runtimes', 'ibmjava', 'influxdb', 'iojs', 'irssi', 'java', 'jenkins', 'jetty', 'jobber', 'joomla',
  'jruby', 'julia', 'kaazing-gateway', 'kapacitor', 'kibana', 'known', 'kong', 'krakend', 'lightstreamer',
  'lightstreamer-server', 'liquibase', 'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki', 'memcached', 'mongo',
  'mongo-express', 'monica', 'mono', 'mosquitto', 'mysql', 'nats', 'nats-streaming', 'neo4j', 'neurodebian', 'nextcloud', 'nginx',
  'nim', 'node', 'notary', 'notary-server', 'notary-signer', 'nuxeo', 'odoo', 'open-liberty', 'openjdk', 'opensuse',
  'oraclelinux', 'orientdb', 'owncloud', 'percona', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'piwik', 'plone',
  'postfixadmin', 'postgres', 'pypy', 'python', 'r-base', 'rabbitmq', 'rails', 'rakudo-star', 'rapidoid', 'redis', 'redmine',
  'registry', 'rethinkdb', 'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine', 'satosa', 'sentry', 'silverpeas', 'sl',
  'solr', 'sonarqube', 'sourcemage', 'spark', 'spiped', 'storm', 'swarm', 'swift', 'swipl', 'teamspeak', 'telegraf', 'thrift', 'tomcat',
  'tomee', 'traefik', 'ubuntu', 'ubuntu-debootstrap', 'ubuntu-upstart', 'unit', 'varnish', 'vault', 'websphere-liberty',
  'wordpress', 'xwiki', 'yourls', 'zend-php', 'znc', 'zookeeper',
]);

/** True when the image is a Docker Hub official image name that Docker Hub does not have. */
export function hubRepositoryKnownMissing(ref: ImageRef): boolean {
  if (ref.registry !== 'docker.io' || !ref.repository.startsWith('library/')) return false;
  return !LIBRARY.has(ref.repository.slice('library/'.length));
}
