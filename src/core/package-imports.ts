// Which top-level Python modules a requirement puts into the image, so that no pod script (a module in /app,
// first on sys.path) hides one of them. Distribution names and import names often differ (PyYAML -> yaml)
// and packages bring dependencies (requests -> urllib3): a curated table for well-known ones; for the rest
// the module named like the distribution. The image build catches what the table cannot know (Dockerfile).
import { t } from './i18n/translate.js';
import type { FieldError } from './field-error.js';
import { normalizeProjectName, parseRequirement } from './requirements.js';

const REQUESTS = ['requests', 'urllib3', 'idna', 'charset_normalizer', 'certifi'];
const NUMPY = ['numpy'];
const DATEUTIL = ['dateutil', 'six'];

/** PEP 503 name -> top-level modules it installs, its usual dependencies included. */
const IMPORT_NAMES: Record<string, readonly string[]> = {
  requests: REQUESTS,
  pyyaml: ['yaml', '_yaml'],
  beautifulsoup4: ['bs4', 'soupsieve'],
  'scikit-learn': ['sklearn', ...NUMPY, 'scipy', 'joblib', 'threadpoolctl'],
  pillow: ['PIL'],
  'python-dateutil': DATEUTIL,
  pandas: ['pandas', ...NUMPY, ...DATEUTIL, 'pytz', 'tzdata'],
  pyarrow: ['pyarrow', ...NUMPY],
  scipy: ['scipy', ...NUMPY],
  matplotlib: [
    'matplotlib',
    'mpl_toolkits',
    'pylab',
    ...NUMPY,
    'PIL',
    'cycler',
    'kiwisolver',
    'fontTools',
    'pyparsing',
    'contourpy',
    'packaging',
    ...DATEUTIL,
  ],
  sqlalchemy: ['sqlalchemy', 'greenlet', 'typing_extensions'],
  'psycopg2-binary': ['psycopg2'],
  psycopg: ['psycopg', 'psycopg_binary', 'typing_extensions'],
  'mysql-connector-python': ['mysql', 'mysqlx'],
  pymongo: ['pymongo', 'bson', 'gridfs', 'dns'],
  dnspython: ['dns'],
  boto3: ['boto3', 'botocore', 's3transfer', 'jmespath', 'urllib3', ...DATEUTIL],
  botocore: ['botocore', 'jmespath', 'urllib3', ...DATEUTIL],
  'google-cloud-storage': ['google', ...REQUESTS],
  'google-cloud-bigquery': ['google', ...REQUESTS],
  protobuf: ['google'],
  'azure-storage-blob': ['azure', 'cryptography', 'typing_extensions'],
  'snowflake-connector-python': ['snowflake', ...REQUESTS],
  openpyxl: ['openpyxl', 'et_xmlfile'],
  pydantic: ['pydantic', 'pydantic_core', 'annotated_types', 'typing_extensions'],
  attrs: ['attr', 'attrs'],
  'typing-extensions': ['typing_extensions'],
  'python-dotenv': ['dotenv'],
  'opencv-python': ['cv2', ...NUMPY],
  'opencv-python-headless': ['cv2', ...NUMPY],
  httpx: ['httpx', 'httpcore', 'h11', 'anyio', 'sniffio', 'idna', 'certifi'],
  jinja2: ['jinja2', 'markupsafe'],
  'kafka-python': ['kafka'],
  'confluent-kafka': ['confluent_kafka'],
  pyjwt: ['jwt'],
  'python-json-logger': ['pythonjsonlogger'],
  'smart-open': ['smart_open'],
  setuptools: ['setuptools', 'pkg_resources', '_distutils_hack'],
  'great-expectations': ['great_expectations'],
  pyspark: ['pyspark', 'py4j'],
  'apache-airflow': ['airflow'],
};

/** The top-level modules a requirement (PEP 508 text) installs, as far as can be known offline. */
export function importNamesOf(spec: string): string[] {
  const key = parseRequirement(spec).requirement?.key;
  if (!key) return [];
  return [...new Set([key.replace(/-/g, '_'), ...(IMPORT_NAMES[normalizeProjectName(key)] ?? [])])];
}

/**
 * Pods named like a module the requirements install: `pod yaml` next to PyYAML would be imported by
 * `import yaml` in every script. One rule for every way in (the generator, `pod`, `package`, --requirements).
 */
export function checkPodsAgainstPackages(podNames: readonly string[], requirements: readonly string[], field: string): FieldError[] {
  const owner = new Map<string, string>();
  for (const spec of requirements) for (const module of importNamesOf(spec)) if (!owner.has(module)) owner.set(module, spec);
  return podNames.flatMap((name) => {
    const spec = owner.get(name);
    if (!spec) return [];
    const value = field === 'pods' || field === 'name' ? name : spec;
    return [{ field, value, rule: t('packages.podShadows', { name, spec }), suggestion: `${name}_job` }];
  });
}
