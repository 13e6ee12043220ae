// As perguntas e a ajuda das opções em português. As declarações (src/core/*-questions.ts) continuam sendo a
// única fonte de cada opção, em inglês; esta tabela traduz cada texto declarado, chaveado pelo próprio texto em
// inglês (como um msgid do gettext). Um texto novo ou alterado sem tradução faz o test/language.test.ts falhar.

export const questionTextsPtBR: Readonly<Record<string, string>> = {
  // pod-ingestion [destino]
  'Docker Hub namespace or registry host and path (smedina1304, ghcr.io/acme, localhost:5000/team); empty for a local-only image':
    'namespace do Docker Hub, ou host e caminho de um registry (smedina1304, ghcr.io/acme, localhost:5000/team); vazio para uma imagem só local',
  'Docker repository (Docker Hub user, or registry host/path; empty for a local-only image)':
    'Repositório Docker (usuário do Docker Hub, ou host/caminho do registry; vazio para uma imagem só local)',
  'the image name, lowercase (run-pods-python)': 'o nome da imagem, em minúsculas (run-pods-python)',
  'Image (container) name': 'Nome da imagem (contêiner)',
  'the destination folder name, made valid; else ingestion-pods':
    'o nome da pasta de destino, ajustado para ser válido; senão ingestion-pods',
  'the image version (1.0, v1.0.0)': 'a versão da imagem (1.0, v1.0.0)',
  'Image version (tag)': 'Versão da imagem (tag)',
  'Python requirements separated by whitespace, each a PEP 508 specifier; a marker after ";" may hold spaces ("pandas==2.2.3 pyarrow>=14,<20 requests; python_version >= \'3.10\'")':
    'requisitos Python separados por espaço, cada um no formato PEP 508; um marcador depois de ";" pode ter espaços ("pandas==2.2.3 pyarrow>=14,<20 requests; python_version >= \'3.10\'")',
  'Python packages (PEP 508 specifiers separated by spaces, e.g. pandas==2.2.3 requests)':
    'Pacotes Python (no formato PEP 508, separados por espaço, por exemplo pandas==2.2.3 requests)',
  'take an existing requirements.txt instead of --packages, read as pip reads it: comments and index options (--index-url, --extra-index-url, --find-links, --trusted-host, --pre, --only-binary, --no-binary, --hash) kept, every line checked; -r, -c and -e refused':
    'usa um requirements.txt que você já tem, no lugar do --packages, lido do jeito que o pip lê: comentários e opções de índice (--index-url, --extra-index-url, --find-links, --trusted-host, --pre, --only-binary, --no-binary, --hash) mantidos, cada linha conferida; -r, -c e -e recusados',
  'Python version of the python:<version>-slim base image': 'versão do Python da imagem base python:<versão>-slim',
  'Python version of the base image': 'Versão do Python da imagem base',
  'first pod script names, separated by whitespace or commas (collect clean_orders)':
    'nomes dos primeiros scripts de pod, separados por espaço ou vírgula (collect clean_orders)',
  'Pod script names (separated by spaces or commas)': 'Nomes dos scripts de pod (separados por espaço ou vírgula)',
  'the folder of the pod scripts, relative to the project (scripts, src/jobs); the image copies it into /app':
    'a pasta dos scripts de pod, relativa ao projeto (scripts, src/jobs); a imagem a copia para /app',
  'the Airflow DAG id': 'o id da DAG no Airflow',
  'Airflow DAG id': 'Id da DAG no Airflow',
  '<container>_pipeline': '<container>_pipeline',
  'DAG schedule: empty (triggered runs only), a preset like @daily, or a cron expression':
    'agendamento da DAG: vazio (roda só quando disparada), um preset como @daily ou uma expressão cron',
  'Schedule (empty: runs only when triggered; @daily; or cron)': 'Agendamento (vazio: roda só quando disparada; @daily; ou cron)',
  'Kubernetes namespace of the pods': 'namespace do Kubernetes dos pods',
  'Kubernetes namespace the pods run in': 'Namespace do Kubernetes onde os pods rodam',
  'when Kubernetes pulls the image': 'quando o Kubernetes baixa a imagem',
  'Image pull policy': 'Política de pull da imagem',
  'docker-registry secret for a private registry (kubectl create secret docker-registry NAME ...)':
    'secret do tipo docker-registry para um registry privado (kubectl create secret docker-registry NOME ...)',
  'Image pull secret (for a private registry; empty for none)': 'Secret para baixar a imagem (registry privado; vazio para nenhum)',
  'what happens to a finished pod': 'o que acontece com um pod que terminou',
  'What happens to a pod when it finishes': 'O que acontece com o pod quando ele termina',
  'retries of a failed task': 'novas tentativas de uma tarefa que falhou',
  'Retries per task': 'Novas tentativas por tarefa',
  'minutes between retries': 'minutos entre as tentativas',
  'Minutes between retries': 'Minutos entre as tentativas',
  'CPU request of each pod (250m)': 'request de CPU de cada pod (250m)',
  'CPU request (e.g. 250m; empty for none)': 'Request de CPU (por exemplo 250m; vazio para nenhum)',
  'memory request of each pod (256Mi)': 'request de memória de cada pod (256Mi)',
  'Memory request (e.g. 256Mi; empty for none)': 'Request de memória (por exemplo 256Mi; vazio para nenhum)',
  'CPU limit of each pod (1)': 'limit de CPU de cada pod (1)',
  'CPU limit (empty for none)': 'Limit de CPU (vazio para nenhum)',
  'memory limit of each pod (1Gi)': 'limit de memória de cada pod (1Gi)',
  'Memory limit (empty for none)': 'Limit de memória (vazio para nenhum)',
  'Airflow connection to a Kubernetes cluster; empty runs the pods in the cluster Airflow runs in (in_cluster=True)':
    'conexão do Airflow com um cluster Kubernetes; vazio roda os pods no mesmo cluster do Airflow (in_cluster=True)',
  'Airflow Kubernetes connection id (empty: the cluster Airflow runs in)':
    'Id da conexão Kubernetes no Airflow (vazio: o cluster onde o Airflow roda)',
  'run docker build after writing the project': 'roda o docker build depois de gravar o projeto',
  'Build the image now?': 'Construir a imagem agora?',
  'also docker push (implies --build; relies on your docker login)': 'também faz o docker push (implica --build; usa o seu docker login)',
  'Push it?': 'Enviar para o registry?',
  'build for these platforms with buildx (linux/amd64,linux/arm64)':
    'constrói para estas plataformas com o buildx (linux/amd64,linux/arm64)',
  'ask nothing: use the given options and defaults for the rest': 'não pergunta nada: usa as opções dadas e os valores padrão no resto',
  'JSON file of answers (keys as the option names); options given on the command line win':
    'arquivo JSON de respostas (as chaves são os nomes das opções); as opções da linha de comando têm prioridade',
  "language of the messages and of the generated project (comments, log lines, README); saved in .yo-rc.json, so the project's later commands keep it":
    'idioma das mensagens e do projeto gerado (comentários, mensagens de log, README); fica gravado no .yo-rc.json, e os próximos comandos do projeto continuam nele',
  'from LC_ALL, LC_MESSAGES or LANG: pt_BR (or pt) selects pt-BR, anything else en':
    'vem de LC_ALL, LC_MESSAGES ou LANG: pt_BR (ou pt) escolhe pt-BR, qualquer outro en',

  // Declaradas uma vez para vários comandos (shared-questions.ts)
  'the image version (1.0, v1.0.0); publish --tag changes it everywhere the image is named (config, DAG, README)':
    'a versão da imagem (1.0, v1.0.0); o publish --tag muda a versão em todo lugar onde a imagem aparece (configuração, DAG, README)',
  'docker push after building (the generator then builds too); relies on your docker login':
    'faz o docker push depois do build (aí o gerador também constrói); usa o seu docker login',
  "the project's tag": 'a tag do projeto',

  // pod-ingestion pod NOME
  'upstream pods, separated by commas (fan-in: --after a,b)': 'pods anteriores, separados por vírgula (fan-in: --after a,b)',
  'Runs after which pods (names separated by commas; empty for none)':
    'Roda depois de quais pods (nomes separados por vírgula; vazio para nenhum)',
  'a constant environment variable KEY=VALUE (Airflow renders {{ ... }} in it)':
    'uma variável de ambiente constante CHAVE=VALOR (o Airflow renderiza {{ ... }} dentro dela)',
  'Constant environment variable KEY=VALUE': 'Variável de ambiente constante CHAVE=VALOR',
  'an Airflow DAG param passed to the pod as an environment variable ({{ params.NAME }}; a run conf overrides it): NAME (required, not on a scheduled DAG) or NAME=DEFAULT':
    'um param da DAG do Airflow passado ao pod como variável de ambiente ({{ params.NAME }}; o conf de uma execução tem precedência): NOME (obrigatório, não numa DAG agendada) ou NOME=PADRÃO',
  'DAG param passed as an environment variable, NAME or NAME=DEFAULT':
    'Param da DAG passado como variável de ambiente, NOME ou NOME=PADRÃO',
  'the task id in the DAG when it is not the script name (an adopted task keeps its id)':
    'o id da tarefa na DAG quando não é o nome do script (uma tarefa adotada mantém o seu id)',
  'default of the DAG param OUTPUT_DIR the example pods write to; /tmp in a pod is deleted with the pod, so use a mounted volume or a bucket path':
    'padrão do param OUTPUT_DIR da DAG, onde os pods de exemplo gravam; o /tmp de um pod é apagado junto com ele, então use um volume montado ou um caminho de bucket',
  'Where the pods write their results (a mounted volume or a bucket path; /tmp of a pod is deleted with it)':
    'Onde os pods gravam os resultados (um volume montado ou um caminho de bucket; o /tmp de um pod é apagado junto com ele)',
  'a Kubernetes secret mounted read-only: SECRET:/mount/path':
    'um secret do Kubernetes montado somente leitura: SECRET:/caminho/de/montagem',
  'Secret to mount, SECRET:/mount/path': 'Secret a montar, SECRET:/caminho/de/montagem',
  "one line: the task's doc and the script's docstring": 'uma linha: a documentação da tarefa e a docstring do script',
  'What does this pod do (one line)': 'O que este pod faz (uma linha)',
  'change an existing pod: each option given replaces that setting (--after "" clears it), the others keep their values; alone in a terminal, asks each setting':
    'altera um pod que já existe: cada opção dada substitui aquela configuração (--after "" limpa), as outras ficam como estão; sozinha num terminal, pergunta cada configuração',

  // pod-ingestion remove NOME
  'when other pods run after it, make them run after its upstreams instead (without this, the removal is refused)':
    'quando outros pods rodam depois dele, passam a rodar depois dos pods anteriores a ele (sem isto, a remoção é recusada)',
  "also delete the script NAME.py (in pods/, or the project's scripts folder) and tests/test_NAME.py (kept by default: they are your code)":
    'apaga também o script NOME.py (em pods/ ou na pasta de scripts do projeto) e tests/test_NOME.py (por padrão eles ficam: são código seu)',

  // pod-ingestion publish
  'push the image after building it (relies on your docker login)': 'envia a imagem depois do build (usa o seu docker login)',
  'raise the version first, everywhere the image is named (config, DAG, README)':
    'sobe a versão antes, em todo lugar onde a imagem aparece (configuração, DAG, README)',
  'set the version first, everywhere the image is named': 'define a versão antes, em todo lugar onde a imagem aparece',
  'also tag (and with --push, push) latest': 'também cria a tag latest (e, com --push, envia)',

  // pod-ingestion run [TAREFA...]
  'how many tasks may run at the same time (independent tasks only)': 'quantas tarefas podem rodar ao mesmo tempo (só as independentes)',
  "the DAG run's conf as a JSON object: values for the params (as when triggering the DAG)":
    'o conf da execução da DAG, como objeto JSON: valores para os params (como ao disparar a DAG)',
  'a JSON file holding the conf (instead of --conf)': 'um arquivo JSON com o conf (no lugar do --conf)',
  'the logical date YYYY-MM-DD that {{ ds }}, {{ ds_nodash }} and {{ logical_date }} render to':
    'a data lógica AAAA-MM-DD que {{ ds }}, {{ ds_nodash }} e {{ logical_date }} renderizam',
  'today (UTC)': 'hoje (UTC)',
  'the value of an env var: TASK:KEY=VALUE for one task, KEY=VALUE for every task that has KEY':
    'o valor de uma variável de ambiente: TAREFA:CHAVE=VALOR para uma tarefa, CHAVE=VALOR para todas as tarefas que têm CHAVE',
  "a folder holding one folder per secret: DIR/<secret>/ is mounted read-only at the secret's mount path":
    'uma pasta com uma pasta por secret: DIR/<secret>/ é montada somente leitura no caminho de montagem do secret',
  'a host folder mounted into every task, HOST:CONTAINER (a stand-in for the bucket the pods share)':
    'uma pasta da máquina montada em todas as tarefas, HOST:CONTÊINER (faz o papel do bucket que os pods compartilham)',
  'build the image first when it is missing or older than the project files (--no-build uses it as it is)':
    'constrói a imagem antes quando ela não existe ou está mais velha que os arquivos do projeto (--no-build usa como está)',
  "retry a failed task as the project's --retries says, without the delay (--no-retries: never)":
    'tenta de novo uma tarefa que falhou, quantas vezes o --retries do projeto disser, sem a espera (--no-retries: nunca)',
  'also run every task downstream of the named TASKs': 'roda também todas as tarefas que vêm depois das TAREFAS indicadas',

  // pod-ingestion graph
  'mermaid: a Mermaid flowchart (GitHub and GitLab draw it); text: an indented tree':
    'mermaid: um fluxograma Mermaid (o GitHub e o GitLab desenham); text: uma árvore indentada',

  // pod-ingestion adopt (as opções da imagem e da DAG são as do app, com o que elas substituem)
  'the old DAG file to migrate [default: the one DAG file under dags/ or at the top, if any]':
    'o arquivo da DAG antiga a migrar [padrão: o único arquivo de DAG em dags/ ou na raiz, se houver]',
  'Docker Hub namespace or registry host and path (smedina1304, ghcr.io/acme, localhost:5000/team); empty for a local-only image; overrides what the old DAG says':
    'namespace do Docker Hub, ou host e caminho de um registry (smedina1304, ghcr.io/acme, localhost:5000/team); vazio para uma imagem só local; substitui o que a DAG antiga diz',
  'the image name, lowercase (run-pods-python); overrides what the old DAG says':
    'o nome da imagem, em minúsculas (run-pods-python); substitui o que a DAG antiga diz',
  'the image version (1.0, v1.0.0); publish --tag changes it everywhere the image is named (config, DAG, README); overrides what the old DAG says':
    'a versão da imagem (1.0, v1.0.0); o publish --tag muda a versão em todo lugar onde a imagem aparece (configuração, DAG, README); substitui o que a DAG antiga diz',
  "Python version of the python:<version>-slim base image; overrides your Dockerfile's":
    'versão do Python da imagem base python:<versão>-slim; substitui a do seu Dockerfile',
  'the Airflow DAG id; overrides what the old DAG says': 'o id da DAG no Airflow; substitui o que a DAG antiga diz',
  'Kubernetes namespace of the pods; overrides what the old DAG says': 'namespace do Kubernetes dos pods; substitui o que a DAG antiga diz',
  'from the old DAG': 'o da DAG antiga',
  'the folder of the scripts, relative to the project (scripts, src/jobs); they stay where they are, and later commands use it':
    'a pasta dos scripts, relativa ao projeto (scripts, src/jobs); eles ficam onde estão, e os comandos seguintes usam essa pasta',
  'pods, or the folder an earlier adoption saved': 'pods, ou a pasta que uma adoção anterior gravou',
  "the Dockerfile's, if still supported; else 3.12": 'a do Dockerfile, se ainda tiver suporte; senão 3.12',
  'NAME=VALUE: a default for a param the old DAG requires (dag_run.conf["NAME"]), so scheduled runs work':
    'NOME=VALOR: um padrão para um param que a DAG antiga exige (dag_run.conf["NOME"]), para que as execuções agendadas funcionem',
  'drop the schedule: runs are triggered with a conf, so required params stay required':
    'retira o schedule: as execuções são disparadas com um conf, e os params obrigatórios continuam obrigatórios',
  'adopt even when the old DAG has parts that cannot be carried (they are listed)':
    'adota mesmo quando a DAG antiga tem partes que não podem ser migradas (elas são listadas)',
  'remove from requirements.txt the packages that do not belong in a pod image (Airflow, Jupyter, debuggers...)':
    'remove do requirements.txt os pacotes que não pertencem à imagem de um pod (Airflow, Jupyter, depuradores...)',
  'ask nothing: keep your Dockerfile, run_in_docker.sh and README where they differ from the generated ones':
    'não pergunta nada: mantém o seu Dockerfile, run_in_docker.sh e README onde eles diferem dos gerados',

  // --lang dentro de um projeto
  "language of this command's messages (the files keep the project's language)":
    'idioma das mensagens deste comando (os arquivos continuam no idioma do projeto)',
  "the project's (lang in .yo-rc.json), else from LC_ALL, LC_MESSAGES or LANG: pt_BR (or pt) selects pt-BR, anything else en":
    'o do projeto (lang no .yo-rc.json), senão vem de LC_ALL, LC_MESSAGES ou LANG: pt_BR (ou pt) escolhe pt-BR, qualquer outro en',
};
